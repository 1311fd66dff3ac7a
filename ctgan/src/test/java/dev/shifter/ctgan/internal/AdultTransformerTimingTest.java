package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.api.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the transformer on the real Adult data (skipped when {@code ../shared/data/adult.csv} is
 * absent): the fit of the six continuous columns' mixtures, then the fit and transform of the whole
 * table. The seconds go to the log and to the test report; they are not asserted.
 */
class AdultTransformerTimingTest {
  private static final Logger LOG = LoggerFactory.getLogger(AdultTransformerTimingTest.class);
  private static final List<String> CONTINUOUS =
      List.of("age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week");

  @Test
  void fitsTheMixturesOfAdultsContinuousColumns(TestReporter report) throws IOException {
    List<String> lines = Files.readAllLines(SharedData.require("adult.csv"), StandardCharsets.UTF_8);
    String[] header = lines.get(0).split(",", -1);
    List<String[]> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isEmpty())
        .map(l -> l.split(",", -1)).toList();
    try (BufferAllocator allocator = new RootAllocator(); Table continuousOnly = table(allocator, header, rows, true);
        Table whole = table(allocator, header, rows, false)) {
      long start = System.nanoTime();
      DataTransformer continuous = DataTransformer.fit(continuousOnly, 42);
      double fitSeconds = (System.nanoTime() - start) / 1e9;

      start = System.nanoTime();
      DataTransformer transformer = DataTransformer.fit(whole, 42);
      double wholeFitSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      EncodedData encoded = transformer.transform(whole, 1);
      double transformSeconds = (System.nanoTime() - start) / 1e9;

      String summary = String.format(Locale.ROOT, "Adult (%d rows): mixtures of the 6 continuous columns fitted in "
          + "%.2f s; whole table (15 columns) fitted in %.2f s, transformed in %.2f s to width %d", rows.size(),
          fitSeconds, wholeFitSeconds, transformSeconds, encoded.width());
      LOG.info(summary);
      report.publishEntry("adult-transformer", summary);
      for (ContinuousLayout layout : continuous.continuousLayouts()) {
        String modes = String.format(Locale.ROOT, "%s: %d modes, means %s", layout.name(), layout.modeWidth(),
            Arrays.toString(Arrays.stream(layout.means()).map(m -> Math.round(m * 100) / 100.0).toArray()));
        LOG.info(modes);
        report.publishEntry(layout.name(), modes);
      }

      assertThat(continuous.continuousLayouts()).extracting(ContinuousLayout::name).isEqualTo(CONTINUOUS);
      assertThat(continuous.continuousLayouts()).allSatisfy(l -> assertThat(l.modeWidth()).isBetween(1, 10));
      assertThat(transformer.state().columns().stream().filter(c -> c.kind() == ColumnKind.CONTINUOUS).toList())
          .isEqualTo(continuous.state().columns());
      assertThat(encoded.rows()).isEqualTo(rows.size());
      assertThat(encoded.discrete()).hasSize(9);
    }
  }

  private static Table table(BufferAllocator allocator, String[] header, List<String[]> rows, boolean continuousOnly) {
    try (TableBuilder builder = new TableBuilder(allocator)) {
      for (int c = 0; c < header.length; c++) {
        int column = c;
        if (CONTINUOUS.contains(header[c])) {
          builder.addContinuous(header[c], rows.stream().mapToDouble(r -> Double.parseDouble(r[column])).toArray());
        } else if (!continuousOnly) {
          builder.addCategorical(header[c], rows.stream().map(r -> r[column]).toArray(String[]::new));
        }
      }
      return builder.build();
    }
  }
}
