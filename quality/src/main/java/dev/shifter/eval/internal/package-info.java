/** The computations behind {@link dev.shifter.eval.QualityEvaluator}: statistics, splits, encoding, classifiers. */
@NullMarked
package dev.shifter.eval.internal;

import org.jspecify.annotations.NullMarked;
