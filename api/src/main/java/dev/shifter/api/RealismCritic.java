package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The frozen critic (discriminator) that a {@link GeneratorAdapter} may also offer, so that the
 * Shifter can ask how real shifted rows look to it. An adapter offers one by implementing this
 * interface too; the Shifter's critic regularizer ({@code lambda_critic}) needs such an adapter.
 *
 * <p>The critic scores the generator's output activated as in training (for CTGAN: tanh on the
 * scalars and a Gumbel-softmax on the one-hot blocks, so the score is differentiable), concatenated
 * with the conditional vector. It sees {@link #criticGroupSize()} rows at a time (PacGAN) and gives one
 * score per group; higher means more real. Its parameters never change and it runs in inference mode
 * (no dropout), so the same inputs and noise always give the same scores.
 *
 * <p>The random draws of the activation are an explicit input, like the conditional vector: draw them
 * once with {@link #sampleCriticNoise} and pass the same noise for the unshifted and the shifted rows,
 * so that equal latent rows get equal scores and the difference of two scores measures the shift only.
 */
public interface RealismCritic {

  /**
   * Returns the number of consecutive rows the critic scores together (PacGAN's {@code pac}).
   *
   * @return at least 1
   */
  int criticGroupSize();

  /**
   * Draws the random noise of the critic's input activation, with the engine's random generator and
   * no gradient.
   *
   * @param manager the manager that will own the result
   * @param n the number of rows
   * @return an array with one row per generated row, to pass to {@link #criticScores} unchanged
   */
  NDArray sampleCriticNoise(NDManager manager, int n);

  /**
   * Generates rows from {@code z} and {@code cond} and scores them with the frozen critic, with a
   * graph back to {@code z} (never to the generator's or the critic's parameters). Rows are grouped
   * in order, {@link #criticGroupSize()} at a time; the rows after the last whole group are not
   * scored.
   *
   * @param z an {@code n x latentDim} float32 matrix, typically requiring a gradient
   * @param cond an {@code n x condDim} float32 matrix
   * @param noise what {@link #sampleCriticNoise} drew for {@code n} rows
   * @return a float32 vector of {@code n / criticGroupSize()} scores (integer division), in the
   *     manager of {@code z}; higher means more real
   * @throws InvalidInputException if a shape is wrong or {@code n < criticGroupSize()}
   */
  NDArray criticScores(NDArray z, NDArray cond, NDArray noise);
}
