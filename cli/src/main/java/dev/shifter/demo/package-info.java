/**
 * The one-command demo: a documented, generated {@linkplain dev.shifter.demo.DemoTable demo table}, a
 * {@linkplain dev.shifter.demo.DemoTargets demo target set} derived from a table's own values, and the
 * {@linkplain dev.shifter.demo.DemoPipeline pipeline} that fits a CTGAN, samples a synthetic table, trains
 * a Shifter, generates the shifted table, measures the quality and writes the report and a summary.
 */
@NullMarked
package dev.shifter.demo;

import org.jspecify.annotations.NullMarked;
