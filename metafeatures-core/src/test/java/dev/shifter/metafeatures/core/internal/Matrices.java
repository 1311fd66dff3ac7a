package dev.shifter.metafeatures.core.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import java.util.function.Function;

/** Plain Java matrices in, plain Java values and gradients out, for the tests of the internals. */
final class Matrices {
  private Matrices() {}

  /** A value and the gradient of {@code sum(weights * value)} with respect to the input, row-major. */
  record Evaluation(double[] value, double[] gradient) {}

  /**
   * Evaluates a computation on a workspace of the given matrix, with its gradient for fixed pseudo-random
   * output weights (so that every output entry counts differently).
   */
  static Evaluation evaluate(
      NDManager parent, double[][] rows, DataType type, Function<Workspace, NDArray> computation) {
    try (NDManager manager = parent.newSubManager()) {
      NDArray x = create(manager, rows, type);
      x.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector();
          Workspace workspace = new Workspace(x, rows.length, rows[0].length)) {
        NDArray value = computation.apply(workspace);
        double[] values = value.toType(DataType.FLOAT64, false).toDoubleArray();
        double[] weights = new double[values.length];
        Random random = new Random(7);
        for (int i = 0; i < weights.length; i++) {
          weights[i] = 0.5 + random.nextDouble();
        }
        NDArray w = manager.create(weights, value.getShape()).toType(value.getDataType(), false);
        collector.backward(value.mul(w).sum());
        return new Evaluation(values, x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray());
      }
    }
  }

  /** Creates an {@code n x d} array of the given type from rows. */
  static NDArray create(NDManager manager, double[][] rows, DataType type) {
    int d = rows[0].length;
    double[] flat = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    NDArray x64 = manager.create(flat, new Shape(rows.length, d));
    return type == DataType.FLOAT64 ? x64 : x64.toType(type, false);
  }

  /** An {@code n x d} matrix of normal draws, column {@code j} with mean {@code 3j} and spread {@code j + 1}. */
  static double[][] normal(int n, int d, long seed) {
    Random random = new Random(seed);
    double[][] rows = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        rows[i][j] = 3 * j + (j + 1) * random.nextGaussian();
      }
    }
    return rows;
  }
}
