package dev.shifter.api;

/**
 * The value a training step aims at for one target entry: a fixed target's value, or the value drawn
 * for this step from a range.
 *
 * @param feature the meta-feature's name, e.g. {@code skewness}
 * @param key the entry's key, e.g. {@code income} or {@code age~income}
 * @param value the value aimed at
 */
public record TargetValue(String feature, String key, double value) {}
