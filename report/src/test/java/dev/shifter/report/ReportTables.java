package dev.shifter.report;

import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Tables for report tests: {@code x} skewed (log-normal, moved by {@code shift}), {@code z} bimodal and
 * correlated with {@code x}, {@code w} whole numbers 18 to 70 with about 5 % missing, {@code c} in
 * {a, b, c}, {@code many} with 25 categories of falling frequency, and the label {@code y} (yes when
 * {@code x} is large).
 */
final class ReportTables {
  private ReportTables() {}

  static Table draw(BufferAllocator allocator, int rows, double shift, long seed) {
    Random random = new Random(seed);
    double[] x = new double[rows];
    double[] z = new double[rows];
    double[] w = new double[rows];
    String[] c = new String[rows];
    String[] many = new String[rows];
    String[] y = new String[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = Math.exp(0.6 * random.nextGaussian()) + shift;
      z[i] = (random.nextBoolean() ? -2 : 2) + 0.8 * (x[i] - shift) + 0.5 * random.nextGaussian();
      w[i] = random.nextDouble() < 0.05 ? Double.NaN : 18 + random.nextInt(53);
      double u = random.nextDouble();
      c[i] = u < 0.5 ? "a" : u < 0.8 ? "b" : "c";
      many[i] = "k" + (int) Math.floor(25 * Math.pow(random.nextDouble(), 2));
      y[i] = x[i] - shift > 1.3 ? "yes" : "no";
    }
    try (TableBuilder builder = new TableBuilder(allocator)) {
      return builder.addContinuous("x", x).addContinuous("z", z).addContinuous("w", w).addCategorical("c", c)
          .addCategorical("many", many).addCategorical("y", y).build();
    }
  }
}
