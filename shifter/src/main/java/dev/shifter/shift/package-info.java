/**
 * The Shifter: a small network that shifts the latent noise of a frozen generator so that the
 * generated table has the meta-features asked for.
 *
 * <p>Train one with {@link dev.shifter.shift.ShifterTrainer} (by hand or through Guice with
 * {@link dev.shifter.shift.ShifterModule}), save and load it as a {@link dev.shifter.shift.TrainedShifter},
 * and generate shifted tables with a per-target report. Targets are read from JSON
 * ({@link dev.shifter.shift.Targets}); losses and regularizers are the {@code api} interfaces
 * {@link dev.shifter.api.MetaLoss} and {@link dev.shifter.api.Regularizer}, with the built-in ones in
 * {@link dev.shifter.shift.MetaLosses} and {@link dev.shifter.shift.Regularizers}.
 */
@NullMarked
package dev.shifter.shift;

import org.jspecify.annotations.NullMarked;
