package dev.shifter.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.io.Tables;
import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.SweepGrid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole sweep on a tiny CTGAN: what it writes, how it resumes, what it refuses. */
class SweepTest {
  private static final ShifterConfig QUICK = ShifterConfig.builder().optSteps(120).optTrainSamples(200)
      .optEvalSamples(400).optEvalEvery(40).optLearningRate(1e-3).build();
  private static final SweepGrid GRID = SweepGrid.parse("{\"mean\": {\"x\": [48, 54, 3]}}", "test");

  @TempDir
  static Path dir;
  private static BufferAllocator allocator;
  private static Path model;
  private static Path data;

  @BeforeAll
  static void fitATinyCtgan() {
    allocator = new RootAllocator();
    model = dir.resolve("model");
    data = dir.resolve("data.csv");
    Random random = new Random(4);
    int rows = 600;
    double[] x = new double[rows];
    String[] g = new String[rows];
    for (int i = 0; i < rows; i++) {
      x[i] = 50 + 10 * random.nextGaussian();
      g[i] = random.nextDouble() < 0.6 ? "p" : "q";
    }
    CtganConfig config = CtganConfig.builder().optBatchSize(100).optEmbeddingDim(16).optGeneratorDims(List.of(32, 32))
        .optCriticDims(List.of(32, 32)).optGeneratorLearningRate(2e-3f).optCriticLearningRate(2e-3f).optEpochs(5)
        .build();
    try (TableBuilder builder = new TableBuilder(allocator);
        Table table = builder.addContinuous("x", x).addCategorical("g", g).build();
        CtganModel fitted = CtganTrainer.builder().setData(table).optConfig(config).optSeed(1).build().fit()) {
      fitted.save(model);
      Tables.write(table, data);
    }
  }

  @AfterAll
  static void close() {
    allocator.close();
  }

  private static Sweep.Builder sweep(Path out) {
    return Sweep.builder().setModel(model).setGrid(GRID).setOutput(out).optRows(300).optSeed(2)
        .optShifterConfig(QUICK);
  }

  @Test
  void aSweepWritesOneTablePerPointAManifestAndAPage() throws IOException {
    Path out = dir.resolve("sweep");
    SweepResult result = sweep(out).optRealData(data).build().run();

    assertThat(result.records()).extracting(SweepRecord::id).containsExactly(1, 2, 3);
    assertThat(result.records()).extracting(r -> r.requested().get(0)).containsExactly(48.0, 51.0, 54.0);
    for (SweepRecord record : result.records()) {
      try (Table table = Tables.read(out.resolve(record.file()), allocator)) {
        assertThat(table.rowCount()).isEqualTo(300);
      }
      double requested = record.requested().get(0);
      assertThat(record.relativeErrors().get(0))
          .isCloseTo(Math.abs(record.reached().get(0) - requested) / requested, within(1e-12));
      assertThat(record.detection()).isPresent();
      assertThat(record.detection().getAsDouble()).isBetween(0.0, 1.0);
    }
    assertThat(SweepManifest.read(out.resolve(Sweep.MANIFEST), GRID.axes())).isEqualTo(result.records());
    String page = Files.readString(out.resolve(Sweep.PAGE));
    assertThat(page).contains("mean[x]").contains("data:image/png;base64,").contains("tables/point-0003.csv");
    assertThat(out.resolve(Sweep.SHIFTER)).isDirectory();
    assertThat(result.records().get(2).reached().get(0)).as("the highest point's mean")
        .isGreaterThan(result.records().get(0).reached().get(0));
  }

  @Test
  void anInterruptedSweepMakesOnlyTheMissingPointsAndTheSameRows() throws IOException {
    Path out = dir.resolve("resumed");
    SweepResult first = sweep(out).build().run();
    Path second = out.resolve(first.records().get(1).file());
    byte[] secondBytes = Files.readAllBytes(second);
    Path third = out.resolve(first.records().get(2).file());
    long thirdModified = Files.getLastModifiedTime(third).toMillis();
    Files.delete(second);
    SweepManifest.write(out.resolve(Sweep.MANIFEST), GRID.axes(), List.of(first.records().get(0),
        first.records().get(2)));

    int[] made = {0};
    SweepResult resumed = sweep(out).optListener((record, done, total) -> made[0]++).build().run();

    assertThat(made[0]).as("points made again").isEqualTo(1);
    assertThat(resumed.records()).isEqualTo(first.records());
    assertThat(Files.readAllBytes(second)).isEqualTo(secondBytes);
    assertThat(resumed.records()).hasSize(3);
    assertThat(Files.getLastModifiedTime(third).toMillis()).as("the third table, left alone").isEqualTo(thirdModified);
  }

  @Test
  void refiningTrainsAShifterForEachPointOutsideToleranceAndKeepsTheCloserTable() throws IOException {
    Path plain = dir.resolve("strict");
    Path refined = dir.resolve("refined");
    ShifterConfig strict = QUICK.toBuilder().optTolerance(0.002).build();
    SweepResult range = sweep(plain).optShifterConfig(strict).build().run();
    SweepResult better = sweep(refined).optShifterConfig(strict).optRefine(true).build().run();

    assertThat(range.records()).extracting(SweepRecord::madeBy).containsOnly(SweepRecord.RANGE);
    for (int i = 0; i < 3; i++) {
      SweepRecord before = range.records().get(i);
      SweepRecord after = better.records().get(i);
      assertThat(after.worstRelativeError()).as("point %d", i + 1).isLessThanOrEqualTo(before.worstRelativeError());
      if (after.madeBy().equals(SweepRecord.REFINED)) {
        assertThat(refined.resolve(Sweep.REFINED).resolve(String.format("point-%04d", i + 1))).isDirectory();
      }
    }
    assertThat(better.records()).extracting(SweepRecord::madeBy).contains(SweepRecord.REFINED);
  }

  @Test
  void aFolderOfAnotherSweepOrOtherFilesIsRefused() throws IOException {
    Path out = dir.resolve("other");
    sweep(out).build().run();
    assertThatThrownBy(() -> sweep(out).optRows(301).build().run()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds a sweep with other settings");

    Path documents = Files.createDirectories(dir.resolve("documents"));
    Files.writeString(documents.resolve("letter.txt"), "keep");
    assertThatThrownBy(() -> sweep(documents).build().run()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds other files (letter.txt), not a sweep");
    assertThat(documents.resolve("letter.txt")).hasContent("keep");
  }

  @Test
  void aGivenShifterWhoseRangeDoesNotHoldTheGridIsRefused() {
    Path out = dir.resolve("narrow");
    sweep(out).build().run();
    SweepGrid wider = SweepGrid.parse("{\"mean\": {\"x\": [40, 60, 2]}}", "test");

    assertThatThrownBy(() -> Sweep.builder().setModel(model).setGrid(wider).setOutput(dir.resolve("wider"))
        .optShifter(out.resolve(Sweep.SHIFTER)).optRows(100).build().run())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not hold mean[x] in [40.0, 60.0]");
  }
}
