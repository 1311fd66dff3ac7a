/**
 * Quality of a synthetic table against a real one: the detection score (can a logistic regression
 * tell the rows apart?), machine-learning efficacy (does a classifier trained on the synthetic rows
 * predict real ones?) and marginal fidelity (Kolmogorov-Smirnov and total-variation complements per
 * column). Start with {@link dev.shifter.eval.QualityEvaluator#builder()}.
 */
@NullMarked
package dev.shifter.eval;

import org.jspecify.annotations.NullMarked;
