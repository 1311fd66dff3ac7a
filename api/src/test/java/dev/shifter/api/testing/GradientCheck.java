package dev.shifter.api.testing;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.shifter.api.MetaFeature;
import java.util.Random;

/**
 * Compares a meta-feature's autograd gradient with central finite differences, in float64. The
 * scalar checked is {@code sum(w * M(x))} for fixed random weights {@code w}, so every output entry
 * contributes.
 */
public final class GradientCheck {
  private GradientCheck() {}

  /**
   * The two gradients of one check.
   *
   * @param autograd the gradient from DJL's autograd
   * @param numeric the central finite-difference gradient
   */
  public record Result(double[] autograd, double[] numeric) {
    /**
     * Returns the largest absolute difference, scaled by {@code max(1, |numeric|)} entry by entry.
     *
     * @return the worst scaled error
     */
    public double maxScaledError() {
      double worst = 0;
      for (int i = 0; i < numeric.length; i++) {
        double scale = Math.max(1.0, Math.abs(numeric[i]));
        worst = Math.max(worst, Math.abs(autograd[i] - numeric[i]) / scale);
      }
      return worst;
    }

    /**
     * Returns the largest absolute autograd entry, to check the gradient is not trivially zero.
     *
     * @return the largest magnitude
     */
    public double maxAbsAutograd() {
      double max = 0;
      for (double g : autograd) {
        max = Math.max(max, Math.abs(g));
      }
      return max;
    }
  }

  /**
   * Runs the check on a float64 matrix.
   *
   * @param feature the feature under test; it must accept float64 input
   * @param values the matrix, row-major
   * @param rows the number of rows
   * @param columns the number of columns
   * @param step the finite-difference step, e.g. {@code 1e-6}
   * @return both gradients
   */
  public static Result run(MetaFeature feature, double[] values, int rows, int columns, double step) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(values, new Shape(rows, columns));
      int outputs;
      try (NDArray probe = feature.compute(x)) {
        outputs = Math.toIntExact(probe.size());
      }
      double[] weights = new Random(7).doubles(outputs, 0.5, 1.5).toArray();
      NDArray w = manager.create(weights);
      double[] autograd;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        x.setRequiresGradient(true);
        NDArray objective = feature.compute(x).toType(DataType.FLOAT64, false).mul(w).sum();
        collector.backward(objective);
        autograd = x.getGradient().toDoubleArray();
      }
      double[] numeric = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        double[] plus = values.clone();
        double[] minus = values.clone();
        plus[i] += step;
        minus[i] -= step;
        numeric[i] = (objective(manager, feature, plus, rows, columns, w)
            - objective(manager, feature, minus, rows, columns, w)) / (2 * step);
      }
      return new Result(autograd, numeric);
    }
  }

  private static double objective(
      NDManager parent, MetaFeature feature, double[] values, int rows, int columns, NDArray w) {
    try (NDManager manager = parent.newSubManager()) {
      NDArray x = manager.create(values, new Shape(rows, columns));
      return feature.compute(x).toType(DataType.FLOAT64, false).mul(w).sum().getDouble();
    }
  }
}
