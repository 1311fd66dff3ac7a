/** Tests of the HTML report. */
@NullMarked
package dev.shifter.report;

import org.jspecify.annotations.NullMarked;
