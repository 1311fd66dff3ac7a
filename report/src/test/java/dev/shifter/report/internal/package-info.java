/** Tests of the report's statistics and HTML. */
@NullMarked
package dev.shifter.report.internal;

import org.jspecify.annotations.NullMarked;
