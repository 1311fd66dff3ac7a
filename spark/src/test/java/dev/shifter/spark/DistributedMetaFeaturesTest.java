package dev.shifter.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.MetaFeatureValues;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.spark.DistributedMetaFeatures.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Meta-features of a table spread over uneven partitions: the exact ones equal the double-precision
 * single-machine values, the sketched quantiles keep their rank bound, the rest come from a seeded sample,
 * and a failing plug-in is reported without taking the others down.
 */
class DistributedMetaFeaturesTest {
  private static final int ROWS = 12_000;
  private static final List<String> CONTINUOUS = List.of("a", "b", "c");

  private static SparkSession spark;
  private static BufferAllocator allocator;
  private static double[][] columns;
  private static String[] colour;
  private static String[] label;
  private static Dataset<Row> dataset;

  @BeforeAll
  static void spreadATableOverFivePartitions() {
    spark = LocalSpark.session();
    allocator = new RootAllocator();
    Random random = new Random(17);
    columns = new double[3][ROWS];
    colour = new String[ROWS];
    label = new String[ROWS];
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      double a = 40 + 12 * random.nextGaussian();
      double b = Math.exp(0.8 * random.nextGaussian()) * 1000;
      double c = 0.5 * a + 3 * random.nextGaussian();
      columns[0][i] = a;
      columns[1][i] = b;
      columns[2][i] = c;
      colour[i] = random.nextDouble() < 0.2 ? "red" : random.nextDouble() < 0.5 ? "blue" : "green";
      label[i] = a + random.nextGaussian() * 5 > 45 ? "yes" : "no";
      rows.add(RowFactory.create(a, b, c, colour[i], label[i]));
    }
    StructType schema = new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType)
        .add("c", DataTypes.DoubleType).add("colour", DataTypes.StringType).add("cls", DataTypes.StringType);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Row> shuffledSizes = new ArrayList<>(rows);
    dataset = spark.createDataFrame(context.parallelize(shuffledSizes, 5), schema)
        .union(spark.createDataFrame(context.parallelize(List.<Row>of(), 2), schema));
  }

  @AfterAll
  static void close() {
    allocator.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"mean", "var", "sd", "skewness", "kurtosis", "cor", "cov", "gaussian_mi"})
  void anExactFeatureEqualsTheDoublePrecisionValueOnOneMachine(String name) {
    DistributedMetaFeatures result = ShifterSpark.metaFeatures(dataset, List.of(name));
    double[] expected = doublePrecision(name);

    assertThat(result.methods()).containsEntry(name, Method.EXACT);
    List<Double> values = new ArrayList<>(result.values().get(name).values());
    assertThat(values).hasSize(expected.length);
    for (int k = 0; k < expected.length; k++) {
      assertThat(values.get(k)).as(name + " entry " + k)
          .isCloseTo(expected[k], within(1e-6 * Math.max(1, Math.abs(expected[k]))));
    }
    assertThat(result.rows()).isEqualTo(ROWS);
    assertThat(result.continuousRows()).isEqualTo(ROWS);
  }

  @Test
  void exactAndSampledFeaturesAgreeWithTheSingleMachineFloatValues() {
    List<String> names = List.of("mean", "sd", "skewness", "cor", "freq", "class_ent", "attr_ent");
    DistributedMetaFeatures result = ShifterSpark.metaFeatures(dataset,
        MetaFeatureQuery.builder().setFeatures(names).optLabel("cls").build());
    MetaFeatureValues single;
    try (Table table = table()) {
      single = MetaFeatureValues.of(table, MetaFeatureRegistry.loadInstalled().select(names), "cls");
    }

    assertThat(result.values().keySet()).containsExactlyElementsOf(names);
    assertThat(result.methods()).containsEntry("freq", Method.EXACT).containsEntry("class_ent", Method.EXACT)
        .containsEntry("attr_ent", Method.SAMPLE);
    assertThat(result.sampleRows()).as("a sample larger than the table holds it all").isEqualTo(ROWS);
    for (String name : names) {
      Map<String, Double> expected = single.values().get(name);
      assertThat(result.values().get(name).keySet()).as(name).containsExactlyElementsOf(expected.keySet());
      expected.forEach((entry, value) -> assertThat(result.get(name, entry)).as(name + " " + entry)
          .isCloseTo(value, within(2e-4 * Math.max(1, Math.abs(value)))));
    }
  }

  @Test
  void sketchedQuantilesLieWithinTheirRankBound() {
    double error = 0.005;
    DistributedMetaFeatures result = ShifterSpark.metaFeatures(dataset, MetaFeatureQuery.builder()
        .setFeatures(List.of("median", "iq_range")).optRelativeError(error).build());

    assertThat(result.methods()).containsEntry("median", Method.SKETCH).containsEntry("iq_range", Method.SKETCH);
    assertThat(result.quantileRankError()).isEqualTo(error);
    for (int j = 0; j < CONTINUOUS.size(); j++) {
      double[] sorted = columns[j].clone();
      Arrays.sort(sorted);
      String name = CONTINUOUS.get(j);
      double median = result.get("median", name);
      assertThat(median).as("median of " + name)
          .isBetween(quantile(sorted, 0.5 - error), quantile(sorted, 0.5 + error));
      assertThat(result.get("iq_range", name)).as("iq_range of " + name).isBetween(
          quantile(sorted, 0.75 - error) - quantile(sorted, 0.25 + error),
          quantile(sorted, 0.75 + error) - quantile(sorted, 0.25 - error));
    }
  }

  @Test
  void aSmallSampleIsSeededAndReportsItsSize() {
    MetaFeatureQuery query = MetaFeatureQuery.builder().setFeatures(List.of("attr_ent")).optSampleRows(2000)
        .optSeed(3).build();
    DistributedMetaFeatures first = ShifterSpark.metaFeatures(dataset, query);
    DistributedMetaFeatures again = ShifterSpark.metaFeatures(dataset, query);
    DistributedMetaFeatures other = ShifterSpark.metaFeatures(dataset, MetaFeatureQuery.builder()
        .setFeatures(List.of("attr_ent")).optSampleRows(2000).optSeed(4).build());

    assertThat(first.sampleRows()).isEqualTo(2000);
    assertThat(again.values()).isEqualTo(first.values());
    assertThat(other.values()).isNotEqualTo(first.values());
  }

  @Test
  void aFailingPlugInIsReportedAndTheOtherFeaturesAreComputed() {
    DistributedMetaFeatures result = ShifterSpark.metaFeatures(dataset, List.of("mean",
        FlakyMetaFeatures.FAILS_TO_SUMMARIZE, FlakyMetaFeatures.FAILS_ON_THE_SAMPLE, "attr_ent"));

    assertThat(result.failures()).containsOnlyKeys(FlakyMetaFeatures.FAILS_TO_SUMMARIZE,
        FlakyMetaFeatures.FAILS_ON_THE_SAMPLE);
    assertThat(result.failures().get(FlakyMetaFeatures.FAILS_TO_SUMMARIZE)).contains("a broken plug-in's summary");
    assertThat(result.values()).containsOnlyKeys("mean", "attr_ent");
    assertThat(result.get("mean", "a")).isCloseTo(Arrays.stream(columns[0]).average().orElseThrow(), within(1e-9));
  }

  @Test
  void anEmptyColumnIsLeftOutAndALabelFeatureWithoutALabelIsNamed() {
    Dataset<Row> withEmpty = dataset.withColumn("empty", org.apache.spark.sql.functions.lit(null)
        .cast(DataTypes.DoubleType));
    DistributedMetaFeatures result = ShifterSpark.metaFeatures(withEmpty, List.of("mean", "class_ent"));

    assertThat(result.emptyColumns()).containsExactly("empty");
    assertThat(result.values().get("mean")).containsOnlyKeys("a", "b", "c");
    assertThat(result.needLabel()).containsExactly("class_ent");
  }

  @Test
  void anUnknownFeatureOrLabelIsRefusedWithItsName() {
    assertThatThrownBy(() -> ShifterSpark.metaFeatures(dataset, List.of("no_such_feature")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no_such_feature");
    assertThatThrownBy(() -> ShifterSpark.metaFeatures(dataset, MetaFeatureQuery.builder()
        .setFeatures(List.of("class_ent")).optLabel("a").build()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'a'");
  }

  private static double[] doublePrecision(String name) {
    try (NDManager manager = NDManager.newBaseManager()) {
      double[] flat = new double[ROWS * 3];
      for (int i = 0; i < ROWS; i++) {
        for (int j = 0; j < 3; j++) {
          flat[i * 3 + j] = columns[j][i];
        }
      }
      NDArray x = manager.create(flat, new Shape(ROWS, 3));
      assertThat(x.getDataType()).isEqualTo(DataType.FLOAT64);
      return MetaFeatureRegistry.loadInstalled().get(name).feature().compute(x).toDoubleArray();
    }
  }

  private static Table table() {
    try (TableBuilder builder = new TableBuilder(allocator)) {
      for (int j = 0; j < 3; j++) {
        builder.addContinuous(CONTINUOUS.get(j), columns[j]);
      }
      return builder.addCategorical("colour", colour).addCategorical("cls", label).build();
    }
  }

  private static double quantile(double[] sorted, double p) {
    int index = (int) Math.floor(Math.max(0, Math.min(1, p)) * (sorted.length - 1));
    return sorted[index];
  }
}
