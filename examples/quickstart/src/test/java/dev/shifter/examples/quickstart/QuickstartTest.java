package dev.shifter.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.TargetReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartTest {
  @TempDir
  static Path dir;

  private static Path csv;

  /** Small settings, so that the quick start runs in seconds; the README uses the defaults. */
  private static final CtganConfig CTGAN = CtganConfig.builder().optEpochs(15).optBatchSize(100)
      .optEmbeddingDim(16).optGeneratorDims(List.of(64, 64)).optCriticDims(List.of(64, 64)).optSeed(1).build();

  private static final ShifterConfig SHIFTER = ShifterConfig.builder().optSteps(400).optSeed(1).build();

  /** An Adult-like table: age (mean about 38), hours-per-week (weakly correlated with age), workclass. */
  @BeforeAll
  static void writeData() throws IOException {
    Random random = new Random(3);
    List<String> lines = new ArrayList<>(List.of("age,hours-per-week,workclass"));
    String[] classes = {"Private", "Self-emp", "Gov"};
    for (int i = 0; i < 1500; i++) {
      double age = Math.max(17, Math.min(90, Math.rint(38 + 13 * random.nextGaussian())));
      double hours = Math.max(1, Math.min(99, Math.rint(40 + 12 * random.nextGaussian() + 0.06 * (age - 38))));
      lines.add(String.format(Locale.ROOT, "%.0f,%.0f,%s", age, hours, classes[random.nextInt(3)]));
    }
    csv = dir.resolve("adult-like.csv");
    Files.write(csv, lines);
  }

  @Test
  void theJavaQuickStartMovesEveryTargetedStatisticTowardsItsTarget() throws IOException {
    Path work = Files.createDirectories(dir.resolve("java"));
    check(Quickstart.run(csv, work, CTGAN, SHIFTER), work);
  }

  @Test
  void theKotlinQuickStartMovesEveryTargetedStatisticTowardsItsTarget() throws IOException {
    Path work = Files.createDirectories(dir.resolve("kotlin"));
    check(QuickstartKt.quickstart(csv, work, CTGAN, SHIFTER), work);
  }

  private static void check(List<TargetReport> report, Path work) throws IOException {
    assertThat(report).extracting(TargetReport::key).containsExactly("age", "age~hours-per-week");
    for (TargetReport entry : report) {
      assertThat(Math.abs(entry.reached() - entry.target())).as(entry.toString())
          .isLessThan(Math.abs(entry.unshifted() - entry.target()));
    }
    assertThat(Files.readAllLines(work.resolve("shifted.csv"))).hasSize(5_001);
    assertThat(work.resolve("model/manifest.json")).exists();
  }
}
