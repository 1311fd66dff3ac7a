package dev.shifter.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.demo.internal.ColumnStatistics;
import dev.shifter.shift.TargetEntry;
import dev.shifter.shift.Targets;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DemoTargetsTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  @Test
  void theDemoTableGetsMoreIncomeSkewAStrongerAgeIncomeCorrelationAndAHigherMeanSpend() {
    try (Table table = DemoTable.generate(allocator)) {
      ColumnStatistics statistics = ColumnStatistics.of(table, MetaFeatureRegistry.loadInstalled());
      double skewness = statistics.skewness(1);
      double r = statistics.correlation(0, 1);
      double mean = statistics.mean(3);
      double sd = statistics.sd(3);

      Targets targets = DemoTargets.forDemoTable(table);

      assertThat(statistics.names()).containsExactly("age", "income", "hours", "spend", "visits");
      assertThat(targets.entries()).extracting(TargetEntry::label)
          .containsExactly("skewness[income]", "cor[age~income]", "mean[spend]");
      assertThat(value(targets, 0)).isCloseTo(1.25 * skewness, within(0.01 * skewness));
      assertThat(value(targets, 1)).isCloseTo(r + DemoTargets.COR_STEP * (1 - r), within(0.005));
      assertThat(value(targets, 2)).isCloseTo(mean + 0.5 * sd, within(0.01 * mean));
      targets.validate(MetaFeatureRegistry.loadInstalled(), table.continuousColumnNames());
    }
  }

  private static double value(Targets targets, int entry) {
    return targets.entries().get(entry).low();
  }

  @Test
  void aTableGetsItsMostSkewedColumnTheStrongestPairOfTheOthersAndTheMeanOfAThird() {
    Random random = new Random(3);
    int rows = 2000;
    double[] a = new double[rows];
    double[] b = new double[rows];
    double[] c = new double[rows];
    double[] d = new double[rows];
    for (int i = 0; i < rows; i++) {
      a[i] = 10 + random.nextGaussian();
      b[i] = Math.exp(random.nextGaussian());
      c[i] = a[i] + 0.5 * random.nextGaussian();
      d[i] = b[i] + 0.1 * random.nextGaussian();
    }
    try (TableBuilder builder = new TableBuilder(allocator);
        Table table = builder.addContinuous("a", a).addContinuous("b", b).addContinuous("c", c)
            .addContinuous("d", d).build()) {
      Targets targets = DemoTargets.derive(table);

      assertThat(targets.entries()).extracting(TargetEntry::label)
          .as("b is the most skewed; b~d, though the strongest pair, holds b; a~c is the strongest of the others")
          .containsExactly("skewness[b]", "cor[a~c]", "mean[d]");
      assertThat(Double.toString(value(targets, 1))).as("three significant digits").matches("0\\.\\d{1,3}");
    }
  }

  @Test
  void aNegativeSkewGrowsMoreNegativeAndOneColumnGetsBothItsEntries() {
    double[] values = new double[500];
    Random random = new Random(1);
    for (int i = 0; i < values.length; i++) {
      values[i] = -Math.exp(0.3 * random.nextGaussian());
    }
    try (TableBuilder builder = new TableBuilder(allocator);
        Table table = builder.addContinuous("x", values).addCategorical("g", new String[500]).build()) {
      double skewness = ColumnStatistics.of(table, MetaFeatureRegistry.loadInstalled()).skewness(0);

      Targets targets = DemoTargets.derive(table);

      assertThat(skewness).isNegative();
      assertThat(targets.entries()).extracting(TargetEntry::label).containsExactly("skewness[x]", "mean[x]");
      assertThat(value(targets, 0)).isCloseTo(skewness - Math.max(0.3, 0.25 * -skewness), within(0.01));
    }
  }

  @Test
  void aSpikyColumnIsLeftOutBecauseItsSkewComesFromTheSpike() {
    Random random = new Random(8);
    int rows = 1000;
    double[] gain = new double[rows];
    double[] price = new double[rows];
    double[] size = new double[rows];
    double[] rooms = new double[rows];
    for (int i = 0; i < rows; i++) {
      gain[i] = random.nextDouble() < 0.9 ? 0 : Math.exp(3 + random.nextGaussian());
      size[i] = 50 + 10 * random.nextGaussian();
      price[i] = Math.exp(0.4 * random.nextGaussian()) * size[i];
      rooms[i] = size[i] / 20 + random.nextGaussian();
    }
    try (TableBuilder builder = new TableBuilder(allocator);
        Table table = builder.addContinuous("gain", gain).addContinuous("price", price).addContinuous("size", size)
            .addContinuous("rooms", rooms).build()) {
      ColumnStatistics statistics = ColumnStatistics.of(table, MetaFeatureRegistry.loadInstalled());

      Targets targets = DemoTargets.derive(table);

      assertThat(statistics.skewness(0)).as("the spike's skewness").isGreaterThan(3 * statistics.skewness(1));
      assertThat(statistics.topShare(0)).isGreaterThan(DemoTargets.MAX_TOP_SHARE);
      assertThat(targets.entries()).extracting(TargetEntry::label)
          .containsExactly("skewness[price]", "cor[size~rooms]", "mean[size]");
    }
  }

  @Test
  void constantColumnsAreLeftOut() {
    double[] constant = new double[100];
    double[] varying = new double[100];
    for (int i = 0; i < 100; i++) {
      constant[i] = 7;
      varying[i] = i % 10;
    }
    try (TableBuilder builder = new TableBuilder(allocator);
        Table table = builder.addContinuous("k", constant).addContinuous("v", varying).build()) {
      assertThat(DemoTargets.derive(table).entries()).extracting(TargetEntry::key).containsExactly("v", "v");
    }
  }

  @Test
  void aTableWithoutAVaryingContinuousColumnIsRefusedWithTheFix() {
    try (TableBuilder builder = new TableBuilder(allocator);
        Table categorical = builder.addCategorical("g", new String[] {"a", "b", "c"}).build()) {
      assertThatThrownBy(() -> DemoTargets.derive(categorical)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("has no continuous column").hasMessageContaining("--target FILE");
    }
    try (TableBuilder builder = new TableBuilder(allocator);
        Table constant = builder.addContinuous("k", new double[] {1, 1, 1, 1}).build()) {
      assertThatThrownBy(() -> DemoTargets.derive(constant)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("No continuous column varies").hasMessageContaining("(k)");
    }
  }

  @Test
  void theDemoTargetsNeedTheDemoColumns() {
    try (TableBuilder builder = new TableBuilder(allocator);
        Table table = builder.addContinuous("age", new double[] {1, 2, 3}).build()) {
      assertThatThrownBy(() -> DemoTargets.forDemoTable(table)).isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'income'").hasMessageContaining("Use derive(table)");
    }
  }
}
