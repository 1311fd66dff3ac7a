package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.EngineScalars;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.RealismCritic;
import dev.shifter.api.Regularizer;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.ShiftContext;

/**
 * How much less real the shifted rows look to the generator's frozen critic than the unshifted ones:
 * {@code max(0, mean D(G(z)) - mean D(G(z'))) / (sd D(G(z)) + 1e-6)}, with {@code D} the adapter's
 * {@link RealismCritic#criticScores} (one score per group of rows), both batches scored with the same
 * conditional vectors and the same activation noise, and the unshifted scores, their mean and spread
 * constants (no graph). It is 0 when the shifted rows look at least as real as the unshifted ones
 * (exactly 0 for {@code z' = z}), and counts a drop in standard deviations of the critic's score over
 * the unshifted groups, so its weight does not depend on the critic's arbitrary scale.
 *
 * <p>Only a drop is penalised: a frozen critic can be fooled, and rewarding shifted rows that it
 * scores above the generator's own (for example from noise far out in the tails) would push the
 * Shifter toward exactly those adversarial rows.
 */
public final class CriticRealism implements Regularizer {
  /** The regularizer's name in reports and config messages. */
  public static final String NAME = "critic_reg";

  private static final float EPSILON = 1e-6f;

  @Override
  public NDArray compute(ShiftContext context) {
    RealismCritic critic = require(context.adapter(), "the critic regularizer");
    int rows = Math.toIntExact(context.z().getShape().get(0));
    NDArray noise = critic.sampleCriticNoise(context.manager(), rows);
    NDArray unshifted = critic.criticScores(context.z(), context.cond(), noise).stopGradient();
    NDArray shifted = critic.criticScores(context.shiftedZ(), context.cond(), noise);
    NDArray reference = unshifted.mean();
    NDArray spread = unshifted.sub(reference).square().mean().sqrt().add(EPSILON);
    NDArray drop = reference.sub(shifted.mean()).div(spread);
    return drop.maximum(EngineScalars.of(drop, 0));
  }

  /**
   * Returns the adapter's critic, or says how to do without one.
   *
   * @param adapter the generator
   * @param what what needs the critic, for the message, e.g. {@code "lambda_critic 0.1"}
   * @return the adapter as a critic
   * @throws InvalidInputException if the adapter has no critic
   */
  public static RealismCritic require(GeneratorAdapter adapter, String what) {
    if (adapter instanceof RealismCritic critic) {
      return critic;
    }
    throw new InvalidInputException("The generator (" + adapter.getClass().getName() + ") has no critic, which "
        + what + " needs: its adapter does not implement " + RealismCritic.class.getName() + ". Set lambda_critic "
        + "to 0, or train against a model that has a critic, such as a fitted CTGAN model.",
        Remedy.leaveOut(Setting.CRITIC_WEIGHT));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String toString() {
    return "Regularizers.critic()";
  }
}
