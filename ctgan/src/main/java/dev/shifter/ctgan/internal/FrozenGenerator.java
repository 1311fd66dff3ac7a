package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.shifter.api.InvalidInputException;

/**
 * A trained generator that is never trained again: its parameters are frozen (no gradient is ever
 * computed for them) and it runs in inference mode, where BatchNorm normalises with its running
 * statistics. In training mode BatchNorm would use the batch's own statistics and so cancel any shift
 * shared by the whole batch, which is exactly what the Shifter applies to the latent noise.
 */
public final class FrozenGenerator {
  private final Generator generator;
  private final ParameterStore store;
  private final int latentDim;
  private final int condWidth;

  /**
   * Freezes a generator.
   *
   * @param generator the loaded generator
   * @param manager the manager that owns its parameters
   * @param latentDim the dimension of the latent noise
   * @param condWidth the width of the conditional vector
   */
  public FrozenGenerator(Generator generator, NDManager manager, int latentDim, int condWidth) {
    this.generator = generator;
    this.store = new ParameterStore(manager, false);
    this.latentDim = latentDim;
    this.condWidth = condWidth;
    for (Pair<String, Parameter> parameter : generator.getParameters()) {
      parameter.getValue().freeze(true);
    }
  }

  /**
   * Returns the dimension of the latent noise.
   *
   * @return the number of columns of {@code z}
   */
  public int latentDim() {
    return latentDim;
  }

  /**
   * Returns the width of the conditional vector.
   *
   * @return the number of columns of {@code cond}
   */
  public int condWidth() {
    return condWidth;
  }

  /**
   * Runs the generator in inference mode. Under an open gradient collector the result has a graph back
   * to whichever inputs require a gradient; it never has one back to the parameters.
   *
   * @param z the latent noise, {@code n x latentDim()}
   * @param cond the conditional vectors, {@code n x condWidth()}
   * @return the raw output, {@code n x width}, in the manager of {@code z}
   * @throws InvalidInputException if a shape is wrong
   */
  public NDArray logits(NDArray z, NDArray cond) {
    checkShapes(z, cond);
    NDArray input = condWidth == 0 ? z : z.concat(cond, 1);
    return generator.forward(store, new NDList(input), false).singletonOrThrow();
  }

  /**
   * Checks that {@code z} and {@code cond} are matrices of the generator's widths with as many rows.
   *
   * @param z the latent noise
   * @param cond the conditional vectors
   * @throws InvalidInputException if a shape is wrong
   */
  public void checkShapes(NDArray z, NDArray cond) {
    if (z.getShape().dimension() != 2 || z.getShape().get(1) != latentDim) {
      throw new InvalidInputException("z has shape " + z.getShape() + "; the generator takes n x " + latentDim
          + " latent noise. Draw z with latentDim() columns.");
    }
    long n = z.getShape().get(0);
    if (cond.getShape().dimension() != 2 || cond.getShape().get(0) != n || cond.getShape().get(1) != condWidth) {
      throw new InvalidInputException("cond has shape " + cond.getShape() + "; the generator takes " + n + " x "
          + condWidth + " conditional vectors (one row per row of z). Draw them with sampleCondVec.");
    }
  }
}
