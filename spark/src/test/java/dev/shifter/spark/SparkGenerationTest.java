package dev.shifter.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.ArtifactException;
import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.cli.spark.SparkMain;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.shift.GeneratorLoaders;
import dev.shifter.shift.LoadedGenerator;
import dev.shifter.shift.ShiftedTable;
import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.ShifterTrainer;
import dev.shifter.shift.TargetEntry;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TrainedShifter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation inside Spark tasks: partition {@code i} holds what one machine makes for its rows and seed,
 * with and without a Shifter, and a retried task makes the same rows again.
 */
class SparkGenerationTest {
  private static final ShifterConfig QUICK = ShifterConfig.builder().optSteps(120).optTrainSamples(200)
      .optEvalSamples(400).optEvalEvery(40).optLearningRate(1e-3).build();

  @TempDir
  static Path dir;
  private static BufferAllocator allocator;
  private static SparkSession spark;
  private static String model;
  private static String shifter;
  private static String rangeShifter;

  @BeforeAll
  static void fitATinyCtganAndAShifter() {
    allocator = new RootAllocator();
    spark = LocalSpark.session();
    Path modelDir = dir.resolve("model");
    Path shifterDir = dir.resolve("shifter");
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
      fitted.save(modelDir);
    }
    try (LoadedGenerator generator = GeneratorLoaders.load(modelDir);
        TrainedShifter trained = ShifterTrainer.builder().setGenerator(generator)
            .setTargets(Targets.of(TargetEntry.fixed("mean", "x", 53))).optConfig(QUICK).build().train()) {
      trained.save(shifterDir);
    }
    Path rangeDir = dir.resolve("range-shifter");
    try (LoadedGenerator generator = GeneratorLoaders.load(modelDir);
        TrainedShifter trained = ShifterTrainer.builder().setGenerator(generator)
            .setTargets(Targets.range(TargetEntry.range("mean", "x", 48, 54))).optConfig(QUICK).build().train()) {
      trained.save(rangeDir);
    }
    model = modelDir.toString();
    shifter = shifterDir.toString();
    rangeShifter = rangeDir.toString();
  }

  @AfterAll
  static void close() {
    ShifterSpark.releaseModels();
    allocator.close();
  }

  @Test
  void eachPartitionHoldsWhatOneMachineMakesForItsRowsAndSeed() {
    List<List<Row>> partitions = ShifterSpark.generate(spark, model, null, 1001, 3, 42).javaRDD().glom().collect();

    assertThat(partitions).hasSize(3);
    try (CtganModel ctgan = CtganModel.load(Path.of(model))) {
      for (int i = 0; i < 3; i++) {
        int rows = ShifterSpark.partitionRows(1001, 3, i);
        try (Table expected = ctgan.sample(allocator, rows, ShifterSpark.partitionSeed(42, i))) {
          assertThat(partitions.get(i)).as("partition " + i).containsExactlyElementsOf(rowsOf(expected));
        }
      }
    }
    assertThat(partitions).extracting(List::size).containsExactly(334, 334, 333);
  }

  @Test
  void aShiftedPartitionHoldsWhatTheShifterMakesOnOneMachine() {
    List<List<Row>> partitions = ShifterSpark.generate(spark, model, shifter, 900, 2, 7).javaRDD().glom().collect();

    try (LoadedGenerator generator = GeneratorLoaders.load(Path.of(model));
        TrainedShifter trained = TrainedShifter.load(Path.of(shifter), generator)) {
      for (int i = 0; i < 2; i++) {
        try (ShiftedTable expected = trained.generate(allocator, 450, ShifterSpark.partitionSeed(7, i))) {
          assertThat(partitions.get(i)).as("partition " + i).containsExactlyElementsOf(rowsOf(expected.table()));
        }
      }
    }
    double unshifted = mean(ShifterSpark.generate(spark, model, null, 900, 2, 7).collectAsList());
    assertThat(mean(partitions.stream().flatMap(List::stream).toList())).as("the shifted mean of x")
        .isGreaterThan(unshifted);
  }

  @Test
  void theSameSeedAndPartitionsGiveTheSameRowsAndAnotherSeedOthers() {
    List<Row> first = ShifterSpark.generate(spark, model, null, 500, 4, 9).collectAsList();
    List<Row> again = ShifterSpark.generate(spark, model, null, 500, 4, 9).collectAsList();
    List<Row> other = ShifterSpark.generate(spark, model, null, 500, 4, 10).collectAsList();

    assertThat(again).isEqualTo(first);
    assertThat(other).hasSize(500).isNotEqualTo(first);
  }

  @Test
  void aTaskThatFailsOnItsFirstAttemptLosesAndDuplicatesNoRow() {
    Dataset<Row> generated = ShifterSpark.generate(spark, model, shifter, 800, 4, 5);
    List<Row> clean = generated.collectAsList();

    JavaRDD<Row> flaky = generated.javaRDD().mapPartitionsWithIndex(SparkGenerationTest::failFirstAttemptOfTwo,
        true);
    List<Row> retried = flaky.collect();

    assertThat(retried).hasSize(800).isEqualTo(clean);
  }

  @Test
  void aMissingModelFailsOnTheDriverBeforeAnyTask() {
    assertThatThrownBy(() -> ShifterSpark.generate(spark, dir.resolve("absent").toString(), null, 10, 2, 1))
        .isInstanceOf(ArtifactException.class);
    assertThatThrownBy(() -> ShifterSpark.generate(spark, model, null, 10, 0, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("partition");
  }

  @Test
  void theRowsHaveTheModelsColumnsAndTypes() {
    Dataset<Row> generated = ShifterSpark.generate(spark, model, null, 20, 2, 3);

    assertThat(generated.schema().fieldNames()).containsExactly("x", "g");
    assertThat(generated.schema().apply("x").dataType().typeName()).isEqualTo("double");
    assertThat(generated.schema().apply("g").dataType().typeName()).isEqualTo("string");
    assertThat(generated.count()).isEqualTo(20);
  }

  @Test
  void aSweepMakesEachPointAsOneMachineDoesAndReportsWhatItReached() {
    List<Targets> points = List.of(mean(48), mean(51), mean(54));
    List<Row> collected = new ArrayList<>();

    List<PointReport> reports = ShifterSpark.sweep(spark, new SweepPlan(model, rangeShifter, points, 300, 2),
        rows -> collected.addAll(rows.orderBy("point").collectAsList()));

    assertThat(reports).extracting(PointReport::point).containsExactly(1, 2, 3);
    assertThat(collected).hasSize(900);
    try (LoadedGenerator generator = GeneratorLoaders.load(Path.of(model));
        TrainedShifter trained = TrainedShifter.load(Path.of(rangeShifter), generator)) {
      for (int point = 1; point <= 3; point++) {
        try (ShiftedTable expected = trained.generate(allocator, 300, 2 + point, points.get(point - 1))) {
          int id = point;
          List<Row> rows = collected.stream().filter(row -> row.getInt(0) == id)
              .map(row -> RowFactory.create(row.get(1), row.get(2))).toList();
          assertThat(rows).as("point " + point).containsExactlyElementsOf(rowsOf(expected.table()));
          PointReport report = reports.get(point - 1);
          assertThat(report.entries()).containsExactly("mean[x]");
          assertThat(report.requested()).containsExactly(points.get(point - 1).entries().get(0).low());
          assertThat(report.reached()).containsExactly(expected.report().get(0).reached());
        }
      }
    }
  }

  @Test
  void aSweepRefusesAPointOutsideTheRangeAndAWriterThatSkipsPoints() {
    assertThatThrownBy(() -> ShifterSpark.sweep(spark, new SweepPlan(model, rangeShifter,
        List.of(mean(50), mean(70)), 10, 1), rows -> rows.collectAsList()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Point 2");
    assertThatThrownBy(() -> ShifterSpark.sweep(spark, new SweepPlan(model, rangeShifter,
        List.of(mean(49), mean(50), mean(51)), 10, 1), rows -> rows.limit(1).collectAsList()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("did not make points");
  }

  @Test
  void theSweepCommandWritesTablesByPointAndAManifest() throws IOException {
    Path grid = dir.resolve("grid.json");
    Files.writeString(grid, "{\"mean\": {\"x\": [48, 54, 3]}}");
    Path out = dir.resolve("sweep-out");
    StringWriter text = new StringWriter();
    StringWriter errors = new StringWriter();

    int code = SparkMain.run(spark, new PrintWriter(text, true),
        new PrintWriter(errors, true), "sweep", "--shifter", rangeShifter, "--grid", grid.toString(),
        "--rows", "200", "--seed", "2", "--out", out.toString());

    assertThat(code).as(errors.toString()).isZero();
    assertThat(text.toString()).contains("wrote 3 points of 200 rows");
    List<String> manifest = Files.readAllLines(out.resolve("manifest.csv"));
    assertThat(manifest).hasSize(4);
    assertThat(manifest.get(0)).isEqualTo("point,file,requested:mean[x],reached:mean[x],relative_error:mean[x],"
        + "within_tolerance");
    assertThat(manifest.get(2)).startsWith("2,tables/point=2,51.0000000,");
    assertThat(spark.read().parquet(out.resolve("tables").toString()).where("point = 3").count()).isEqualTo(200);
  }

  private static Targets mean(double value) {
    return Targets.of(TargetEntry.fixed("mean", "x", value));
  }

  private static Iterator<Row> failFirstAttemptOfTwo(Integer partition, Iterator<Row> rows) {
    List<Row> seen = new ArrayList<>();
    while (rows.hasNext()) {
      seen.add(rows.next());
      if (partition == 2 && seen.size() == 50 && TaskContext.get().attemptNumber() == 0) {
        throw new IllegalStateException("a lost executor, on purpose");
      }
    }
    return seen.iterator();
  }

  private static List<Row> rowsOf(Table table) {
    List<Row> rows = new ArrayList<>();
    List<ColumnSpec> columns = table.columns();
    for (int r = 0; r < table.rowCount(); r++) {
      Object[] values = new Object[columns.size()];
      for (int c = 0; c < values.length; c++) {
        ColumnSpec column = columns.get(c);
        values[c] = column.kind() == ColumnKind.CONTINUOUS ? table.continuousValue(column.name(), r)
            : table.categoricalValue(column.name(), r);
      }
      rows.add(RowFactory.create(values));
    }
    return rows;
  }

  private static double mean(List<Row> rows) {
    return rows.stream().mapToDouble(row -> row.getDouble(0)).average().orElseThrow();
  }
}
