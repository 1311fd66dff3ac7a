/**
 * Families of generated tables for meta-learning research: a grid or a Latin hypercube of target
 * meta-features, one Shifter trained on the whole range, one table per point, and a manifest of what
 * each table really reached ({@link dev.shifter.sweep.Sweep}).
 */
@NullMarked
package dev.shifter.sweep;

import org.jspecify.annotations.NullMarked;
