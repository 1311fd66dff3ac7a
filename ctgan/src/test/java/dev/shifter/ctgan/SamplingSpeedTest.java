package dev.shifter.ctgan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rows sampled per second from a model of Adult's shape (6 continuous columns of several modes, 9
 * categorical columns with Adult's category counts, the paper's network sizes). A benchmark, not a CI
 * test: it runs only with {@code -Dshifter.benchmark=true}; set the engine's threads with
 * {@code -Dshifter.test.threads=2}. The weights are untrained (0 epochs), which does not change the
 * cost. The figure goes to {@code target/figures/ctgan-sampling-speed.txt}.
 */
class SamplingSpeedTest {
  private static final int[] CATEGORIES = {9, 16, 7, 15, 6, 5, 2, 42, 2};
  private static final int ROWS = 50_000;

  @Test
  @EnabledIfSystemProperty(named = "shifter.benchmark", matches = "true")
  void measuresRowsSampledPerSecondFromAnAdultShapedModel() throws IOException {
    try (BufferAllocator allocator = new RootAllocator();
        Table data = adultShaped(allocator, 8000);
        CtganModel model = CtganTrainer.builder().setData(data).optEpochs(0).build().fit()) {
      for (int i = 0; i < 2; i++) {
        model.sample(allocator, ROWS, i).close();
      }
      int repeats = 5;
      long nanos = 0;
      int width = 0;
      StringBuilder each = new StringBuilder();
      for (int i = 0; i < repeats; i++) {
        long t0 = System.nanoTime();
        try (Table table = model.sample(allocator, ROWS, 100 + i)) {
          nanos += System.nanoTime() - t0;
          each.append(' ').append((System.nanoTime() - t0) / 1_000_000);
          assertThat(table.rowCount()).isEqualTo(ROWS);
          width = table.columns().size();
        }
      }
      double rowsPerSecond = ROWS * (double) repeats / (nanos / 1e9);
      String figure = String.format(Locale.ROOT, "sampling %,d rows of a %d-column Adult-shaped model (threads %s, "
          + "Java pool %d): %.0f ms per sample, %,.0f rows/s", ROWS, width,
          System.getProperty("ai.djl.pytorch.num_threads", "default"),
          java.util.concurrent.ForkJoinPool.commonPool().getParallelism(), nanos / 1e6 / repeats, rowsPerSecond) + " (ms each:" + each + ")";
      Path dir = Files.createDirectories(Path.of("target", "figures"));
      Files.writeString(dir.resolve("ctgan-sampling-speed.txt"), figure + System.lineSeparator(),
          StandardCharsets.UTF_8);
      assertThat(rowsPerSecond).isPositive();
    }
  }

  /** Six continuous columns drawn from 8 separated modes, nine categorical columns of Adult's sizes. */
  private static Table adultShaped(BufferAllocator allocator, int rows) {
    Random random = new Random(3);
    try (TableBuilder builder = new TableBuilder(allocator)) {
      for (int c = 0; c < 6; c++) {
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
          values[i] = 100.0 * random.nextInt(8) + random.nextGaussian();
        }
        builder.addContinuous("x" + c, values);
      }
      for (int c = 0; c < CATEGORIES.length; c++) {
        String[] labels = new String[rows];
        for (int i = 0; i < rows; i++) {
          labels[i] = "v" + Math.min(CATEGORIES[c] - 1, (int) Math.floor(-Math.log(random.nextDouble()) * 3));
        }
        builder.addCategorical("d" + c, labels);
      }
      return builder.build();
    }
  }
}
