package dev.shifter.metafeatures.extra;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.shifter.api.MetaFeature;

/**
 * A feature's values on a matrix and the gradient of their sum with respect to the matrix.
 *
 * @param values the feature's output, as doubles
 * @param gradient the gradient of {@code sum(output)}, row-major like the input
 * @param type the data type of the input and of the output
 */
record Evaluation(double[] values, double[] gradient, DataType type) {

  /** Computes the feature without a graph. */
  static double[] values(MetaFeature feature, Matrix matrix, DataType type) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(matrix.values(), new Shape(matrix.rows(), matrix.columns())).toType(type, false);
      NDArray out = feature.compute(x);
      if (out.getDataType() != type) {
        throw new AssertionError(feature.name() + " returned " + out.getDataType() + " for " + type + " input");
      }
      return out.toType(DataType.FLOAT64, false).toDoubleArray();
    }
  }

  /** Computes the feature and the gradient of the sum of its outputs. */
  static Evaluation of(MetaFeature feature, Matrix matrix, DataType type) {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(matrix.values(), new Shape(matrix.rows(), matrix.columns())).toType(type, false);
      x.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray out = feature.compute(x);
        collector.backward(out.sum());
        return new Evaluation(out.toType(DataType.FLOAT64, false).toDoubleArray(),
            x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray(), out.getDataType());
      }
    }
  }
}
