/** The pieces of {@link dev.shifter.report.Report}: statistics, charts, HTML and the sections. */
@NullMarked
package dev.shifter.report.internal;

import org.jspecify.annotations.NullMarked;
