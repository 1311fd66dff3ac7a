/** Tests of the numerical helpers. */
@NullMarked
package dev.shifter.metafeatures.core.internal;

import org.jspecify.annotations.NullMarked;
