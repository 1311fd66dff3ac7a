package dev.shifter.eval;

import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Tables drawn from a known distribution: {@code x ~ N(mean, 1)}, {@code z ~ N(5, 2)}, a category
 * {@code c} in {a, b, c} with shares 0.5 / 0.3 / 0.2, and the label {@code y}: {@code yes} when
 * {@code x + 0.5 z - 2.5 > 0.8} (about a quarter of the rows when the mean is 0), else {@code no}.
 */
final class GeneratedTables {
  private GeneratedTables() {}

  /** Draws {@code rows} rows with {@code x}'s mean at {@code mean}. */
  static Table draw(BufferAllocator allocator, int rows, double mean, long seed) {
    Random random = new Random(seed);
    double[] x = new double[rows];
    double[] z = new double[rows];
    String[] c = new String[rows];
    String[] y = new String[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = mean + random.nextGaussian();
      z[i] = 5 + 2 * random.nextGaussian();
      double u = random.nextDouble();
      c[i] = u < 0.5 ? "a" : u < 0.8 ? "b" : "c";
      y[i] = x[i] - mean + 0.5 * (z[i] - 5) > 0.8 ? "yes" : "no";
    }
    try (TableBuilder builder = new TableBuilder(allocator)) {
      return builder.addContinuous("x", x).addContinuous("z", z).addCategorical("c", c).addCategorical("y", y)
          .build();
    }
  }

  /** Draws like {@link #draw} but with labels drawn at random, independent of the features (a quarter "yes"). */
  static Table drawWithRandomLabels(BufferAllocator allocator, int rows, long seed) {
    Random random = new Random(seed);
    double[] x = new double[rows];
    double[] z = new double[rows];
    String[] c = new String[rows];
    String[] y = new String[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = random.nextGaussian();
      z[i] = 5 + 2 * random.nextGaussian();
      double u = random.nextDouble();
      c[i] = u < 0.5 ? "a" : u < 0.8 ? "b" : "c";
      y[i] = random.nextDouble() < 0.25 ? "yes" : "no";
    }
    try (TableBuilder builder = new TableBuilder(allocator)) {
      return builder.addContinuous("x", x).addContinuous("z", z).addCategorical("c", c).addCategorical("y", y)
          .build();
    }
  }
}
