package dev.shifter.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.demo.internal.ColumnStatistics;
import dev.shifter.io.Tables;
import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.TargetEntry;
import dev.shifter.shift.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo pipeline at tiny sizes (seconds): what it writes, what it reports, what it refuses. */
class DemoPipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A few epochs and steps of small networks: enough to exercise every stage, not to reach the targets. */
  private static final DemoSettings TINY = new DemoSettings(400, 300,
      CtganConfig.builder().optEpochs(2).optBatchSize(100).optEmbeddingDim(16).optGeneratorDims(List.of(32, 32))
          .optCriticDims(List.of(32, 32)).build(),
      ShifterConfig.builder().optSteps(30).optTrainSamples(200).optEvalSamples(400).optEvalEvery(10)
          .optLearningRate(5e-4).build());

  @TempDir
  static Path dir;
  private static BufferAllocator allocator;
  private static DemoResult result;
  private static final List<String> events = new ArrayList<>();

  @BeforeAll
  static void runTheDemoOnce() {
    allocator = new RootAllocator();
    result = DemoPipeline.builder().setOutput(dir.resolve("demo")).setSettings(TINY).optSeed(3)
        .optListener(new DemoListener() {
          @Override
          public void onStageStart(DemoStage stage, String detail) {
            events.add("start " + stage);
          }

          @Override
          public void onStageEnd(DemoStage stage, Duration took, String outcome) {
            events.add("end " + stage);
          }
        }).build().run();
  }

  @AfterAll
  static void close() {
    allocator.close();
  }

  @Test
  void everyStageRunsOnceInOrderAndIsTimed() {
    List<String> expected = new ArrayList<>();
    for (DemoStage stage : DemoStage.values()) {
      expected.add("start " + stage);
      expected.add("end " + stage);
    }
    assertThat(events).isEqualTo(expected);
    assertThat(result.seconds().keySet()).containsExactly(DemoStage.values());
    assertThat(result.totalSeconds()).isGreaterThanOrEqualTo(
        result.seconds().values().stream().mapToDouble(Double::doubleValue).sum());
  }

  @Test
  void everyFileIsWrittenWithTheDataRowsAndColumns() throws Exception {
    DemoFiles files = result.files();
    List<String> data = Files.readAllLines(files.data());
    assertThat(data).hasSize(401);
    assertThat(data.get(0)).isEqualTo(String.join(",", DemoTable.columnNames()));
    for (Path table : List.of(files.synthetic(), files.shifted())) {
      assertThat(Files.readAllLines(table)).as(table.toString()).hasSize(401).first().isEqualTo(data.get(0));
    }
    assertThat(files.model().resolve("manifest.json")).isRegularFile();
    assertThat(files.shifter().resolve("manifest.json")).isRegularFile();
    assertThat(Files.readString(files.report())).contains("<html", "<img", "skewness", "income");
    assertThat(result.report().images()).isPositive();
    assertThat(result.ctganEpochs()).isEqualTo(2);
    assertThat(result.shifterSteps()).isBetween(1, 30);
  }

  @Test
  void theTargetsAreTheDemoTablesWrittenToTargetJson() {
    try (Table data = Tables.read(result.files().data(), allocator)) {
      Targets derived = DemoTargets.forDemoTable(data);
      assertThat(Targets.read(result.files().target())).isEqualTo(derived);
      assertThat(result.targets()).extracting(TargetOutcome::label)
          .containsExactly("skewness[income]", "cor[age~income]", "mean[spend]");
      ColumnStatistics statistics = ColumnStatistics.of(data, MetaFeatureRegistry.loadInstalled());
      assertThat(result.targets().get(0).data()).as("data value computed by the skewness meta-feature")
          .isCloseTo(statistics.skewness(1), within(1e-3 * statistics.skewness(1)));
      assertThat(result.targets().get(2).data()).isCloseTo(statistics.mean(3), within(1e-4 * statistics.mean(3)));
      for (int i = 0; i < 3; i++) {
        assertThat(result.targets().get(i).target()).isEqualTo(derived.entries().get(i).low());
      }
    }
  }

  @Test
  void theSummaryFileHoldsTheTargetsTheQualityTheTimingsAndThePaths() throws Exception {
    JsonNode summary = JSON.readTree(result.files().summary().toFile());

    assertThat(summary.get("data").asText()).isEqualTo("demo table (400 rows, seed 3)");
    assertThat(summary.get("rows").asInt()).isEqualTo(400);
    assertThat(summary.get("label").asText()).isEqualTo(DemoTable.LABEL);
    assertThat(summary.get("targets")).hasSize(3);
    JsonNode first = summary.get("targets").get(0);
    TargetOutcome outcome = result.targets().get(0);
    assertThat(first.get("feature").asText()).isEqualTo("skewness");
    assertThat(first.get("key").asText()).isEqualTo("income");
    assertThat(first.get("target").asDouble()).isEqualTo(outcome.target());
    assertThat(first.get("reached").asDouble()).isEqualTo(outcome.reached());
    assertThat(first.get("unshifted").asDouble()).isEqualTo(outcome.unshifted());
    assertThat(first.get("within_tolerance").asBoolean()).isEqualTo(outcome.withinTolerance());
    assertThat(first.get("approached").asBoolean()).isEqualTo(outcome.approached());
    assertThat(summary.get("target_entries").asInt()).isEqualTo(3);
    assertThat(summary.get("targets_within_tolerance").asInt()).isEqualTo(result.withinTolerance());
    for (String table : List.of("synthetic", "shifted")) {
      JsonNode quality = summary.get("quality").get(table);
      assertThat(quality.get("detection_score").asDouble()).isBetween(0.0, 1.0);
      assertThat(quality.get("mean_ks_complement").asDouble()).isBetween(0.0, 1.0);
      assertThat(quality.get("mean_tv_complement").asDouble()).isBetween(0.0, 1.0);
      assertThat(quality.get("efficacy").get("label").asText()).isEqualTo(DemoTable.LABEL);
    }
    List<String> stages = new ArrayList<>();
    summary.get("seconds").fieldNames().forEachRemaining(stages::add);
    assertThat(stages).containsExactly("data", "fit", "sample", "train", "generate", "evaluate", "report", "total");
    assertThat(Path.of(summary.get("files").get("report").asText())).isAbsolute()
        .isEqualTo(result.files().report().toAbsolutePath());
    assertThat(summary.get("report").get("images").asInt()).isEqualTo(result.report().images());
  }

  @Test
  void aTargetMovedTowardsWhenTheReachedValueIsCloserThanTheUnshiftedOne() {
    assertThat(new TargetOutcome("mean", "x", 10, 8, 7, 9.5, 0.5, true).approached()).isTrue();
    assertThat(new TargetOutcome("mean", "x", 10, 8, 9.5, 7, 0.5, false).approached()).isFalse();
    assertThat(new TargetOutcome("mean", "x", 10, 8, 11, 9, 0.5, false).approached()).as("same distance").isFalse();
  }

  @Test
  void aUsersTableIsCutToTheMostRowsAndGetsDerivedTargetsAndNoLabel() throws Exception {
    try (Table table = usersTable(600)) {
      DemoResult own = DemoPipeline.builder().setOutput(dir.resolve("own")).setSettings(TINY)
          .optData(table, "users.csv").build().run();

      assertThat(Files.readAllLines(own.files().data())).hasSize(301).first().isEqualTo("x,g,y,z");
      assertThat(own.data()).isEqualTo("users.csv");
      assertThat(own.rows()).isEqualTo(300);
      assertThat(own.label()).isEmpty();
      assertThat(own.syntheticQuality().efficacy()).isNull();
      assertThat(own.targets()).extracting(TargetOutcome::label)
          .containsExactly("skewness[x]", "cor[y~z]", "mean[y]");
      JsonNode summary = JSON.readTree(own.files().summary().toFile());
      assertThat(summary.get("label").isNull()).isTrue();
      assertThat(summary.get("quality").get("synthetic").get("efficacy").isNull()).isTrue();
      assertThat(rowsOf(own.files().data())).as("a seeded subset, in the table's order").isSorted();
    }
  }

  private static Table usersTable(int rows) {
    Random random = new Random(5);
    double[] x = new double[rows];
    double[] y = new double[rows];
    double[] z = new double[rows];
    String[] g = new String[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = Math.exp(0.8 * random.nextGaussian());
      y[i] = i;
      z[i] = i + 50 * random.nextGaussian();
      g[i] = random.nextBoolean() ? "p" : "q";
    }
    try (TableBuilder builder = new TableBuilder(allocator)) {
      return builder.addContinuous("x", x).addCategorical("g", g).addContinuous("y", y).addContinuous("z", z)
          .build();
    }
  }

  private static List<Double> rowsOf(Path csv) throws Exception {
    return Files.readAllLines(csv).stream().skip(1).map(line -> Double.parseDouble(line.split(",")[2])).toList();
  }

  @Test
  void aBadLabelOrTargetIsRefusedBeforeAnythingIsFitted() {
    Path badLabel = dir.resolve("bad-label");
    assertThatThrownBy(() -> DemoPipeline.builder().setOutput(badLabel).setSettings(TINY).optLabel("age").build()
        .run()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("The label 'age' is not a categorical column")
        .hasMessageContaining("region, segment, churned");
    assertThat(badLabel.resolve("model")).doesNotExist();

    Path badTarget = dir.resolve("bad-target");
    assertThatThrownBy(() -> DemoPipeline.builder().setOutput(badTarget).setSettings(TINY)
        .optTargets(Targets.of(TargetEntry.fixed("mean", "salary", 1))).build().run())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("salary");
    assertThat(badTarget.resolve("model")).doesNotExist();
  }

  @Test
  void aFolderWithOtherFilesIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(folder.resolve("notes.txt"), "mine");

    assertThatThrownBy(() -> DemoPipeline.builder().setOutput(folder).setSettings(TINY).build().run())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("notes.txt");
    assertThat(Arrays.asList(folder.toFile().list())).containsExactly("notes.txt");
  }

  @Test
  void aStopEndsTheRunWithAMessageAfterTheCurrentStage() {
    DemoPipeline pipeline = DemoPipeline.builder().setOutput(dir.resolve("stopped")).setSettings(TINY).build();
    pipeline.requestStop();

    assertThatThrownBy(pipeline::run).isInstanceOf(ShifterException.class)
        .hasMessageContaining("The demo was stopped").hasMessageContaining("Run the demo again");
    assertThat(dir.resolve("stopped").resolve("shifter")).doesNotExist();
  }

  @Test
  void theBuilderNeedsAnOutputAndSettings() {
    assertThatThrownBy(() -> DemoPipeline.builder().setSettings(TINY).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("setOutput");
  }
}
