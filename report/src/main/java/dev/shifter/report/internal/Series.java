package dev.shifter.report.internal;

import java.awt.Color;

/**
 * One table's values in a chart: a histogram's densities or a bar chart's shares.
 *
 * @param name the legend entry, e.g. {@code "real"}
 * @param color its colour
 * @param values one value per bin or category
 */
public record Series(String name, Color color, double[] values) {}
