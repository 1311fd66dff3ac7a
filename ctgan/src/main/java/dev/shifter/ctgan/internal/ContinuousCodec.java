package dev.shifter.ctgan.internal;

import dev.shifter.api.InvalidInputException;
import dev.shifter.commons.Seeds;
import java.util.SplittableRandom;
import org.apache.arrow.vector.Float8Vector;

/**
 * Encodes and decodes one continuous column: a scalar {@code alpha = (v - mu_k) / (4 sigma_k)}, clipped
 * to [-0.99, 0.99], followed by a one-hot of the mode {@code k} drawn from the value's responsibilities;
 * a missing value gets {@code alpha = 0} and the extra last slot. Decoded values are put in the column's
 * {@link ValueDomain} (clipped to the fitted range, rounded to the fitted decimals).
 */
final class ContinuousCodec {
  /** The bound on the encoded scalar, as in the paper's reference setting. */
  static final float CLIP = 0.99f;

  private final String name;
  private final GaussianModes modes;
  private final boolean hasMissing;
  private final ValueDomain domain;
  private final int alphaOffset;

  ContinuousCodec(String name, GaussianModes modes, boolean hasMissing, ValueDomain domain, int alphaOffset) {
    this.name = name;
    this.modes = modes;
    this.hasMissing = hasMissing;
    this.domain = domain;
    this.alphaOffset = alphaOffset;
  }

  /** Returns the encoded width: the scalar plus the mode block. */
  int width() {
    return 1 + modeWidth();
  }

  int modeWidth() {
    return modes.size() + (hasMissing ? 1 : 0);
  }

  ContinuousLayout layout() {
    return new ContinuousLayout(name, alphaOffset, alphaOffset + 1, modeWidth(), modes.means(), modes.stds(),
        hasMissing, domain);
  }

  /**
   * Copies a column out of Arrow memory, missing (null or NaN) values as NaN.
   *
   * @throws InvalidInputException on an infinite value or one beyond float32's range, in which the
   *     generator computes
   */
  static double[] read(Float8Vector vector, int rows) {
    double[] values = new double[rows];
    for (int i = 0; i < rows; i++) {
      double v = vector.isNull(i) ? Double.NaN : vector.get(i);
      if (Double.isInfinite(v)) {
        throw new InvalidInputException("Column '" + vector.getName() + "' holds " + v + " in row " + i
            + ". Replace infinite values by missing values (null) or finite numbers.");
      }
      if (Math.abs(v) > Float.MAX_VALUE) {
        throw new InvalidInputException("Column '" + vector.getName() + "' holds " + v + " in row " + i + ", beyond "
            + "the range of float32 (about -3.4e38 to 3.4e38), in which the CTGAN computes. Rescale the column "
            + "(divide it by a power of ten).");
      }
      values[i] = v;
    }
    return values;
  }

  /**
   * Writes the column's encoding into rows of {@code out}, drawing modes with per-chunk seeds.
   *
   * @throws InvalidInputException if a value is missing but the column had no missing values when fitted
   */
  void encode(double[] values, float[] out, int width, long seed) {
    if (!hasMissing) {
      for (int i = 0; i < values.length; i++) {
        if (Double.isNaN(values[i])) {
          throw new InvalidInputException("Column '" + name + "' has a missing value in row " + i + ", but it had "
              + "none when the transformer was fitted. Fit the transformer on data with missing values in '"
              + name + "', or fill them in first.");
        }
      }
    }
    int k = modes.size();
    int modeOffset = alphaOffset + 1;
    ChunkedRows.forEach(values.length, (chunk, from, to) -> {
      SplittableRandom random = new SplittableRandom(Seeds.derive(seed, chunk));
      double[] scratch = new double[k];
      for (int i = from; i < to; i++) {
        int row = i * width;
        double v = values[i];
        if (Double.isNaN(v)) {
          out[row + modeOffset + k] = 1.0f;
        } else {
          int mode = modes.drawMode(v, random.nextDouble(), scratch);
          double alpha = (v - modes.mean(mode)) / (4.0 * modes.std(mode));
          out[row + alphaOffset] = (float) Math.max(-CLIP, Math.min(CLIP, alpha));
          out[row + modeOffset + mode] = 1.0f;
        }
      }
    });
  }

  /**
   * Decodes the column from activated rows: argmax mode, {@code alpha * 4 sigma + mu} put in the domain,
   * NaN for missing.
   */
  double[] decode(float[] rows, int count, int width) {
    double[] values = new double[count];
    int slots = modeWidth();
    int k = modes.size();
    int modeOffset = alphaOffset + 1;
    ChunkedRows.forEach(count, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        int row = i * width;
        int mode = Argmax.of(rows, row + modeOffset, slots);
        if (mode == k) {
          values[i] = Double.NaN;
        } else {
          float alpha = Math.max(-1f, Math.min(1f, rows[row + alphaOffset]));
          values[i] = domain.rounds()
              ? domain.apply(alpha * (float) (4.0 * modes.std(mode)) + (float) modes.mean(mode))
              : domain.apply(alpha * 4.0 * modes.std(mode) + modes.mean(mode));
        }
      }
    });
    return values;
  }
}
