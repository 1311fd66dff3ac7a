package dev.shifter.api;

/**
 * A regularizer or meta loss a plug-in provider contributed, with where it came from.
 *
 * @param <T> {@link Regularizer} or {@link MetaLoss}
 * @param name the name a training run selects it by
 * @param value the regularizer or loss
 * @param providerId the provider's {@code id()}
 * @param origin the jar or folder of the provider's class
 */
public record RegisteredPlugin<T>(String name, T value, String providerId, String origin) {}
