package dev.shifter.ctgan;

import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.ctgan.types.CtganConfig;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;

/** Small generated tables and settings for the CTGAN tests, and a plain-text dump of a table. */
final class TestTables {
  private TestTables() {}

  /**
   * An easy table: categorical a (p, q), b (u, v, w) and c (k1..k4, probabilities 0.4, 0.3, 0.2, 0.1),
   * continuous x (normal around 3 times c's index) and y (bimodal, 10 % missing).
   */
  static Table easy(BufferAllocator allocator, int rows, long seed) {
    Random random = new Random(seed);
    String[] a = new String[rows];
    String[] b = new String[rows];
    String[] c = new String[rows];
    double[] x = new double[rows];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      a[i] = random.nextBoolean() ? "p" : "q";
      double u = random.nextDouble();
      b[i] = u < 0.5 ? "u" : u < 0.8 ? "v" : "w";
      double v = random.nextDouble();
      int k = v < 0.4 ? 0 : v < 0.7 ? 1 : v < 0.9 ? 2 : 3;
      c[i] = "k" + (k + 1);
      x[i] = 3.0 * k + random.nextGaussian();
      y[i] = random.nextDouble() < 0.1 ? Double.NaN : (random.nextBoolean() ? -20 : 20) + random.nextGaussian();
    }
    try (TableBuilder builder = new TableBuilder(allocator)) {
      return builder.addContinuous("x", x).addCategorical("a", a).addCategorical("b", b).addContinuous("y", y)
          .addCategorical("c", c).build();
    }
  }

  /** Tiny networks that train in a second or two. */
  static CtganConfig.Builder tiny() {
    return CtganConfig.builder().optBatchSize(60).optPac(10).optEmbeddingDim(16)
        .optGeneratorDims(List.of(48, 48)).optCriticDims(List.of(48, 48))
        .optGeneratorLearningRate(2e-3f).optCriticLearningRate(2e-3f);
  }

  /** The table's values, one line per row, continuous values with all their digits. */
  static String dump(Table table) {
    StringBuilder out = new StringBuilder(String.join(",", table.columnNames())).append('\n');
    for (int row = 0; row < table.rowCount(); row++) {
      for (int c = 0; c < table.columns().size(); c++) {
        String name = table.columnNames().get(c);
        @Nullable Object value = table.columns().get(c).kind() == dev.shifter.api.ColumnKind.CONTINUOUS
            ? table.continuousValue(name, row) : table.categoricalValue(name, row);
        out.append(c == 0 ? "" : ",").append(value == null ? "" : String.format(Locale.ROOT, "%s", value));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
