package dev.shifter.cli.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.spark.ShifterSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit commands, run in-process on a local session: what they write and how they refuse. */
class SparkMainTest {
  @TempDir
  static Path dir;
  private static SparkSession spark;
  private static String model;

  @BeforeAll
  static void fitATinyCtgan() {
    spark = SparkSession.builder().master("local[2,4]").appName("shifter-spark-test")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    Random random = new Random(8);
    double[] x = new double[400];
    String[] g = new String[400];
    for (int i = 0; i < x.length; i++) {
      x[i] = 10 + 2 * random.nextGaussian();
      g[i] = random.nextBoolean() ? "u" : "v";
    }
    CtganConfig config = CtganConfig.builder().optBatchSize(100).optEmbeddingDim(8).optGeneratorDims(List.of(16))
        .optCriticDims(List.of(16)).optEpochs(2).build();
    try (BufferAllocator allocator = new RootAllocator(); TableBuilder builder = new TableBuilder(allocator);
        Table table = builder.addContinuous("x", x).addCategorical("g", g).build();
        CtganModel fitted = CtganTrainer.builder().setData(table).optConfig(config).optSeed(2).build().fit()) {
      fitted.save(dir.resolve("model"));
    }
    model = dir.resolve("model").toString();
  }

  @AfterAll
  static void release() {
    ShifterSpark.releaseModels();
  }

  @Test
  void generateWritesParquetThatHoldsTheLibrarysRows() {
    String out = dir.resolve("rows.parquet").toString();
    Result result = run("generate", "--model", model, "--rows", "700", "--partitions", "3", "--seed", "4",
        "--out", out);

    assertThat(result.code).as(result.err).isZero();
    assertThat(result.out).contains("wrote 700 rows in 3 partitions");
    List<Row> written = spark.read().parquet(out).orderBy("x").collectAsList();
    List<Row> expected = ShifterSpark.generate(spark, model, null, 700, 3, 4).orderBy("x").collectAsList();
    assertThat(written).isEqualTo(expected);
  }

  @Test
  void generateRefusesAnExistingOutputUnlessToldToOverwrite() {
    String out = dir.resolve("twice.csv").toString();
    assertThat(run("generate", "--model", model, "-n", "50", "--out", out).code).isZero();

    Result again = run("generate", "--model", model, "-n", "50", "--out", out);
    Result overwrite = run("generate", "--model", model, "-n", "60", "--out", out, "--overwrite");

    assertThat(again.code).isEqualTo(SparkMain.INPUT);
    assertThat(again.err).contains("already exists").contains("--overwrite");
    assertThat(overwrite.code).isZero();
    assertThat(spark.read().option("header", "true").csv(out).count()).isEqualTo(60);
  }

  @Test
  void metafeaturesWritesTheValuesAsJsonAndSaysHowEachWasComputed() throws IOException {
    String data = dir.resolve("measured.parquet").toString();
    assertThat(run("generate", "--model", model, "-n", "2000", "--seed", "1", "--out", data).code).isZero();
    Path json = dir.resolve("out/values.json");

    Result result = run("metafeatures", "--data", data, "--features", "mean,median,freq,attr_ent", "--out",
        json.toString());

    assertThat(result.code).as(result.err).isZero();
    assertThat(result.err).contains("mean: exact").contains("median: sketch").contains("attr_ent: sample of 2,000");
    JsonNode values = new ObjectMapper().readTree(Files.readString(json));
    double mean = spark.read().parquet(data).agg(org.apache.spark.sql.functions.avg("x")).first().getDouble(0);
    assertThat(values.get("mean").get("x").asDouble()).isCloseTo(mean, within(1e-9 * Math.abs(mean)));
    assertThat(values.fieldNames()).toIterable().containsExactly("mean", "median", "freq", "attr_ent");
  }

  @Test
  void aMissingModelOrAnUnknownFeatureIsABadInputWithItsName() {
    Result missing = run("generate", "--model", dir.resolve("nowhere").toString(), "-n", "5", "--out",
        dir.resolve("never").toString());
    String data = dir.resolve("small.parquet").toString();
    assertThat(run("generate", "--model", model, "-n", "20", "--out", data).code).isZero();
    Result unknown = run("metafeatures", "--data", data, "--features", "nope");
    Result absent = run("metafeatures", "--data", dir.resolve("absent.parquet").toString(), "--features", "mean");

    assertThat(missing.code).isEqualTo(SparkMain.INPUT);
    assertThat(missing.err).contains("nowhere");
    assertThat(unknown.code).isIn(SparkMain.INPUT, SparkMain.PLUGIN);
    assertThat(unknown.err).contains("nope");
    assertThat(absent.code).isEqualTo(SparkMain.INPUT);
    assertThat(absent.err).contains("absent.parquet").contains("cannot read it");
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SparkMain.run(spark, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  private record Result(int code, String out, String err) {}
}
