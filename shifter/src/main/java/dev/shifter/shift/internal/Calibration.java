package dev.shifter.shift.internal;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import java.util.List;

/**
 * What the unshifted generator gives for each targeted entry, measured before training on a few
 * batches: its value, its sampling noise (the standard deviation over batches of the training size),
 * and the scale that normalises the entry in the loss and in the MetaEncoder's input.
 *
 * <p>The scale of an entry is the largest of its sampling noise, the distance from the unshifted
 * value to the farthest end of its target (range), and {@code 1e-6 max(1, |unshifted|)}. So every
 * entry starts with a normalised error of at most about one, a covariance in the thousands weighs
 * like a correlation below one, and an entry already at its target is scaled by its noise.
 *
 * @param unshifted the unshifted generator's value of each entry (mean over the batches)
 * @param noise the standard deviation of each entry over batches of {@code rows} rows
 * @param scale the normalising scale of each entry
 * @param rows the rows per batch the noise was measured at
 */
public record Calibration(List<Double> unshifted, List<Double> noise, List<Double> scale, int rows) {

  /** Copies the lists. */
  public Calibration {
    unshifted = List.copyOf(unshifted);
    noise = List.copyOf(noise);
    scale = List.copyOf(scale);
  }

  /**
   * Measures the unshifted generator.
   *
   * @param adapter the generator
   * @param resolved the targeted entries
   * @param manager the parent manager of the batches
   * @param rows rows per batch
   * @param batches the number of batches, at least 2
   * @param seed the engine seed of the batches
   * @param low the lowest target of each entry
   * @param high the highest target of each entry
   * @return the calibration
   * @throws InvalidInputException if a meta-feature is not finite on the unshifted output
   */
  public static Calibration measure(GeneratorAdapter adapter, ResolvedTargets resolved, NDManager manager, int rows,
      int batches, int seed, double[] low, double[] high) {
    int k = resolved.size();
    double[][] values = new double[batches][];
    Engine.getInstance().setRandomSeed(seed);
    for (int b = 0; b < batches; b++) {
      try (NDManager batch = manager.newSubManager()) {
        NDArray z = batch.randomNormal(new Shape(rows, adapter.latentDim()));
        NDArray cond = adapter.sampleCondVec(batch, rows);
        values[b] = toDoubles(resolved.valuesOf(adapter, z, cond).toFloatArray());
      }
      for (int i = 0; i < k; i++) {
        if (!Double.isFinite(values[b][i])) {
          throw new InvalidInputException("Meta-feature entry " + resolved.entries().get(i).label() + " is "
              + values[b][i] + " on the unshifted generator's output, so it cannot be targeted. Choose another entry,"
              + " or fix the meta-feature.");
        }
      }
    }
    Double[] mean = new Double[k];
    Double[] sd = new Double[k];
    Double[] scale = new Double[k];
    for (int i = 0; i < k; i++) {
      double sum = 0;
      for (double[] v : values) {
        sum += v[i];
      }
      double m = sum / batches;
      double squares = 0;
      for (double[] v : values) {
        squares += (v[i] - m) * (v[i] - m);
      }
      mean[i] = m;
      sd[i] = Math.sqrt(squares / (batches - 1));
      scale[i] = scale(m, sd[i], low[i], high[i]);
    }
    return new Calibration(List.of(mean), List.of(sd), List.of(scale), rows);
  }

  private static double scale(double unshifted, double noise, double low, double high) {
    double distance = Math.max(Math.abs(low - unshifted), Math.abs(high - unshifted));
    return Math.max(Math.max(noise, distance), 1e-6 * Math.max(1, Math.abs(unshifted)));
  }

  /**
   * Returns the sampling noise of entry {@code i} for a batch of {@code batchRows} rows.
   *
   * @param i the entry
   * @param batchRows the rows of the batch
   * @return the noise scaled by {@code sqrt(rows / batchRows)}
   */
  public double noiseAt(int i, int batchRows) {
    return noise.get(i) * Math.sqrt((double) rows / batchRows);
  }

  /**
   * Returns the tolerance of entry {@code i} for a target value on a batch of {@code batchRows} rows.
   *
   * @param i the entry
   * @param target the target value
   * @param batchRows the rows the value is measured on
   * @param relative the relative tolerance
   * @param absolute the smallest tolerance
   * @return {@code max(relative |target|, noise at batchRows, absolute)}
   */
  public double tolerance(int i, double target, int batchRows, double relative, double absolute) {
    return Math.max(Math.max(relative * Math.abs(target), noiseAt(i, batchRows)), absolute);
  }

  /**
   * Normalises targets for the MetaEncoder: {@code (target - unshifted) / scale}.
   *
   * @param targets one value per entry
   * @return the normalised values
   */
  public float[] normalise(double[] targets) {
    float[] u = new float[targets.length];
    for (int i = 0; i < u.length; i++) {
      u[i] = (float) ((targets[i] - unshifted.get(i)) / scale.get(i));
    }
    return u;
  }

  /**
   * Returns the scales as float32 values.
   *
   * @return one scale per entry
   */
  public float[] scales() {
    float[] s = new float[scale.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = scale.get(i).floatValue();
    }
    return s;
  }

  private static double[] toDoubles(float[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i];
    }
    return result;
  }
}
