package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;

/**
 * One forward pass of the critic's MLP on packed rows, with what its input gradient needs.
 *
 * <p>Hidden layer {@code i} computes {@code a_i = h_{i-1} W_i^T + b_i} and
 * {@code h_i = a_i * c_i}, where the factor {@code c_i = s(a_i) * d_i} is the LeakyReLU slope
 * ({@code 1} where {@code a_i > 0}, else the negative slope) times the dropout mask {@code d_i}
 * (entries {@code 0} or {@code 1 / (1 - p)}; all ones without dropout). This equals
 * {@code Dropout(LeakyReLU(a_i))}, and since {@code c_i} is piecewise constant in {@code a_i}, the
 * gradient of the scalar output {@code y = h_k w^T + b} with respect to the input is, row by row,
 *
 * <pre>
 *   dy/dh_k = w,   dy/da_i = dy/dh_i * c_i,   dy/dh_{i-1} = dy/da_i W_i .
 * </pre>
 *
 * {@link #inputGradient} writes exactly this with NDArray operations on the weight arrays, so when it
 * runs inside a {@code GradientCollector} the gradient penalty built from it is itself
 * differentiable with respect to the weights by ordinary first-order autograd: no second-order
 * autograd is needed.
 *
 * @param input the packed input, {@code m x (pac * rowWidth)}
 * @param output the critic's scores, {@code m x 1}
 * @param weights the hidden layers' weight arrays ({@code out x in}), in order
 * @param outputWeight the output layer's weight array, {@code 1 x lastHidden}
 * @param factors the factors {@code c_i} of the hidden layers, in order
 */
public record CriticPass(
    NDArray input, NDArray output, List<NDArray> weights, NDArray outputWeight,
    List<NDArray> factors) {

  /** Copies the lists. */
  public CriticPass {
    weights = List.copyOf(weights);
    factors = List.copyOf(factors);
  }

  /**
   * Runs the MLP on explicit parameter arrays.
   *
   * @param packed the packed input, {@code m x (pac * rowWidth)}
   * @param weights the hidden layers' weights, {@code out x in} each
   * @param biases the hidden layers' biases
   * @param outputWeight the output layer's weight, {@code 1 x lastHidden}
   * @param outputBias the output layer's bias
   * @param masks one dropout mask per hidden layer ({@code m x units}, entries {@code 0} or
   *     {@code 1 / (1 - p)}), or an empty list for no dropout
   * @param negativeSlope the LeakyReLU slope for negative inputs (0.2 in the paper)
   * @return the pass
   */
  public static CriticPass run(
      NDArray packed, List<NDArray> weights, List<NDArray> biases, NDArray outputWeight,
      NDArray outputBias, List<NDArray> masks, float negativeSlope) {
    if (weights.isEmpty() || weights.size() != biases.size()
        || !(masks.isEmpty() || masks.size() == weights.size())) {
      throw new IllegalArgumentException(
          "need at least one hidden layer, one bias per weight and no masks or one per layer");
    }
    List<NDArray> factors = new ArrayList<>(weights.size());
    NDArray h = packed;
    for (int i = 0; i < weights.size(); i++) {
      NDArray a = Linear.linear(h, weights.get(i), biases.get(i)).singletonOrThrow();
      NDArray factor = a.gt(0f).toType(a.getDataType(), false).mul(1f - negativeSlope)
          .add(negativeSlope);
      if (!masks.isEmpty()) {
        factor = factor.mul(masks.get(i));
      }
      factors.add(factor);
      h = a.mul(factor);
    }
    NDArray y = Linear.linear(h, outputWeight, outputBias).singletonOrThrow();
    return new CriticPass(packed, y, weights, outputWeight, factors);
  }

  /**
   * Returns the part of this pass for packed rows {@code [from, to)}: the same weights, the rows'
   * inputs, scores and factors (views, no copy). One pass over several groups of rows costs fewer
   * operations than one pass per group.
   *
   * @param from the first packed row
   * @param to one past the last packed row
   * @return the pass restricted to those rows
   */
  public CriticPass rows(long from, long to) {
    NDIndex index = new NDIndex("{}:{}", from, to);
    List<NDArray> sliced = new ArrayList<>(factors.size());
    for (NDArray factor : factors) {
      sliced.add(factor.get(index));
    }
    return new CriticPass(input.get(index), output.get(index), weights, outputWeight, sliced);
  }

  /**
   * Returns the gradient of each row's score with respect to that row's packed input, written by
   * hand (see the class comment) so that it stays differentiable with respect to the weights.
   *
   * @return an {@code m x (pac * rowWidth)} array in the manager of the input
   */
  public NDArray inputGradient() {
    int last = factors.size() - 1;
    NDArray upstream = factors.get(last).mul(outputWeight);
    for (int i = last; ; i--) {
      NDArray toPrevious = upstream.matMul(weights.get(i));
      if (i == 0) {
        return toPrevious;
      }
      upstream = toPrevious.mul(factors.get(i - 1));
    }
  }
}
