package dev.shifter.report.internal;

import java.awt.Color;

/**
 * One curve of a line chart.
 *
 * @param name the legend entry
 * @param color its colour
 * @param x the x values
 * @param y the y values, as many as {@code x}
 */
public record Line(String name, Color color, double[] x, double[] y) {}
