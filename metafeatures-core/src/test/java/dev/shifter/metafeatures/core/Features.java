package dev.shifter.metafeatures.core;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.shifter.api.MetaFeature;
import java.util.List;

/** Runs features on plain Java matrices and returns plain Java results, closing every array. */
final class Features {
  private Features() {}

  /** The ten core features of the continuous matrix, in the provider's order (the class-aware ones left out). */
  static List<MetaFeature> all() {
    return new CoreMetaFeatureProvider().metaFeatures().subList(0, 10);
  }

  /** A feature by name. */
  static MetaFeature named(String name) {
    return all().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  /** A feature's value and the gradient of {@code sum(value)} with respect to the input. */
  record Evaluation(double[] value, double[] gradient) {}

  /**
   * Computes a feature on a row-major matrix of the given type.
   *
   * @param parent the manager under which a sub-manager holds the arrays
   * @param feature the feature
   * @param rows the matrix, one array per row
   * @param type FLOAT32 or FLOAT64
   * @return the value, as doubles
   */
  static double[] compute(NDManager parent, MetaFeature feature, double[][] rows, DataType type) {
    try (NDManager manager = parent.newSubManager()) {
      NDArray x = matrix(manager, rows, type);
      NDArray value = feature.compute(x);
      return value.toType(DataType.FLOAT64, false).toDoubleArray();
    }
  }

  /**
   * Computes a feature and the gradient of the sum of its entries, as a training step would.
   *
   * @param parent the manager under which a sub-manager holds the arrays
   * @param feature the feature
   * @param rows the matrix, one array per row
   * @param type FLOAT32 or FLOAT64
   * @return value and gradient, as doubles
   */
  static Evaluation evaluate(NDManager parent, MetaFeature feature, double[][] rows, DataType type) {
    try (NDManager manager = parent.newSubManager()) {
      NDArray x = matrix(manager, rows, type);
      x.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray value = feature.compute(x);
        double[] values = value.toType(DataType.FLOAT64, false).toDoubleArray();
        // An empty result (one column, pair feature) has nothing to differentiate.
        if (values.length == 0) {
          return new Evaluation(values, new double[Math.multiplyExact(rows.length, rows[0].length)]);
        }
        collector.backward(value.sum());
        return new Evaluation(values, x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray());
      }
    }
  }

  /** Creates an {@code n x d} array of the given type from rows. */
  static NDArray matrix(NDManager manager, double[][] rows, DataType type) {
    int d = rows[0].length;
    double[] flat = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * d, d);
    }
    NDArray x64 = manager.create(flat, new Shape(rows.length, d));
    return type == DataType.FLOAT64 ? x64 : x64.toType(type, false);
  }

  /** Rounds every entry to the nearest float32, as the float32 input sees it. */
  static double[][] roundedToFloat(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new double[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        out[i][j] = (float) rows[i][j];
      }
    }
    return out;
  }
}
