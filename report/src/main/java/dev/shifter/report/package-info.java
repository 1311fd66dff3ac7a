/**
 * The HTML report: one self-contained page comparing a real table with a synthetic one and, optionally,
 * a shifted one (histograms, category frequencies, correlation heatmaps, the targeted meta-features,
 * the quality figures and the training-loss curves). Start with {@link dev.shifter.report.Report#builder()}.
 */
@NullMarked
package dev.shifter.report;

import org.jspecify.annotations.NullMarked;
