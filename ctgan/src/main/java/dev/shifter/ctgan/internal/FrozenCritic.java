package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.shifter.api.InvalidInputException;
import java.util.List;

/**
 * A trained critic that is never trained again: its parameters are frozen (no gradient is ever
 * computed for them) and it runs in inference mode (no dropout), so the same rows always get the same
 * scores. It scores the generator's raw output activated as in training (tanh on the scalars, a
 * Gumbel-softmax with the model's temperature on the one-hot blocks, with noise given by the caller)
 * and concatenated with the conditional vectors, {@code pac} rows per score; the score is
 * differentiable with respect to the generator's output.
 */
public final class FrozenCritic {
  private final Critic critic;
  private final ParameterStore store;
  private final OutputActivation activation;
  private final float tau;
  private final int width;
  private final int condWidth;

  /**
   * Freezes a critic.
   *
   * @param critic the loaded critic
   * @param manager the manager that owns its parameters
   * @param activation the activation of the generator's output in training
   * @param tau the Gumbel-softmax temperature of training
   * @param condWidth the width of the conditional vector
   */
  public FrozenCritic(Critic critic, NDManager manager, OutputActivation activation, float tau, int condWidth) {
    this.critic = critic;
    this.store = new ParameterStore(manager, false);
    this.activation = activation;
    this.tau = tau;
    this.width = activation.width();
    this.condWidth = condWidth;
    for (Pair<String, Parameter> parameter : critic.getParameters()) {
      parameter.getValue().freeze(true);
    }
  }

  /**
   * Returns the number of rows scored together.
   *
   * @return pac
   */
  public int pac() {
    return critic.pac();
  }

  /**
   * Draws the noise of the Gumbel-softmax activation with the engine's random generator.
   *
   * @param manager the manager of the result
   * @param rows the number of rows
   * @return {@code rows x width} float32 values in {@code (0, 1)}
   */
  public NDArray noise(NDManager manager, int rows) {
    return activation.uniform(manager, rows);
  }

  /**
   * Activates the generator's raw output with the given noise and scores it.
   *
   * @param logits the generator's raw output, {@code n x width}, possibly with a graph
   * @param cond the conditional vectors, {@code n x condWidth}
   * @param noise what {@link #noise} drew for {@code n} rows
   * @return {@code n / pac} scores (the rows after the last whole group are left out), in the manager of
   *     {@code logits}
   * @throws InvalidInputException if the noise has the wrong shape or there are fewer than pac rows
   */
  public NDArray scoreLogits(NDArray logits, NDArray cond, NDArray noise) {
    long n = logits.getShape().get(0);
    if (!noise.getShape().equals(new Shape(n, width))) {
      throw new InvalidInputException("the critic's noise has shape " + noise.getShape() + " for " + n + " rows; "
          + "it needs " + n + " x " + width + ". Draw it with sampleCriticNoise(manager, " + n + ").");
    }
    return scoreRows(activation.activate(logits, tau, noise), cond);
  }

  /**
   * Scores activated rows (as the critic saw them in training, real or generated).
   *
   * @param rows activated rows, {@code n x width}, possibly with a graph
   * @param cond the conditional vectors, {@code n x condWidth}
   * @return {@code n / pac} scores (the rows after the last whole group are left out), in the manager of
   *     {@code rows}
   * @throws InvalidInputException if a shape is wrong or there are fewer than pac rows
   */
  public NDArray scoreRows(NDArray rows, NDArray cond) {
    long n = rows.getShape().get(0);
    int pac = critic.pac();
    if (rows.getShape().get(1) != width || !cond.getShape().equals(new Shape(n, condWidth))) {
      throw new InvalidInputException("the critic got rows of shape " + rows.getShape() + " and conditional vectors "
          + "of shape " + cond.getShape() + "; it needs n x " + width + " rows and n x " + condWidth + " vectors.");
    }
    if (n < pac) {
      throw new InvalidInputException("the critic scores groups of " + pac + " rows (PacGAN) and got only " + n
          + ". Give it at least " + pac + " rows, ideally a multiple of " + pac + ".");
    }
    long whole = n / pac * pac;
    NDArray input = condWidth == 0 ? rows : rows.concat(cond, 1);
    if (whole != n) {
      input = input.get("0:{}", whole);
    }
    CriticPass pass = critic.pass(store, critic.pack(input), List.of(), false);
    return pass.output().reshape(whole / pac);
  }
}
