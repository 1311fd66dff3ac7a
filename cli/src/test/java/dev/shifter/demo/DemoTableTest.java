package dev.shifter.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Table;
import dev.shifter.demo.internal.ColumnStatistics;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the properties the demo table's Javadoc states, on the default 4,000 rows and seed. */
class DemoTableTest {
  private static BufferAllocator allocator;
  private static Table table;
  private static ColumnStatistics statistics;

  @BeforeAll
  static void generate() {
    allocator = new RootAllocator();
    table = DemoTable.generate(allocator);
    statistics = ColumnStatistics.of(table, MetaFeatureRegistry.loadInstalled());
  }

  @AfterAll
  static void close() {
    table.close();
    allocator.close();
  }

  private static int index(String column) {
    return statistics.names().indexOf(column);
  }

  @Test
  void theColumnsAreTheDocumentedOnesWithTheirKinds() {
    assertThat(table.rowCount()).isEqualTo(DemoTable.DEFAULT_ROWS);
    assertThat(table.columnNames()).isEqualTo(DemoTable.columnNames());
    assertThat(table.columns()).containsExactly(new ColumnSpec("age", ColumnKind.CONTINUOUS),
        new ColumnSpec("region", ColumnKind.CATEGORICAL), new ColumnSpec("income", ColumnKind.CONTINUOUS),
        new ColumnSpec("hours", ColumnKind.CONTINUOUS), new ColumnSpec("segment", ColumnKind.CATEGORICAL),
        new ColumnSpec("spend", ColumnKind.CONTINUOUS), new ColumnSpec("visits", ColumnKind.CONTINUOUS),
        new ColumnSpec(DemoTable.LABEL, ColumnKind.CATEGORICAL));
    assertThat(statistics.rows()).as("no missing values").isEqualTo(DemoTable.DEFAULT_ROWS);
  }

  @Test
  void incomeIsStronglyRightSkewedAndAgeAndHoursAreNearlySymmetric() {
    assertThat(statistics.skewness(index("income"))).isBetween(1.8, 2.8);
    assertThat(Math.abs(statistics.skewness(index("age")))).isLessThan(0.3);
    assertThat(Math.abs(statistics.skewness(index("hours")))).isLessThan(0.3);
    assertThat(statistics.skewness(index("visits"))).isBetween(0.5, 1.2);
  }

  @Test
  void spendHasThreeModesWithValleysBetweenThem() {
    int[] histogram = new int[25];
    for (double value : statistics.values(index("spend"))) {
      histogram[(int) Math.min(24, value / 10)]++;
    }
    int firstMode = histogram[2];
    int firstValley = histogram[4];
    int secondMode = Math.max(histogram[6], histogram[7]);
    int secondValley = histogram[9];
    int thirdMode = Math.max(histogram[13], histogram[14]);
    assertThat(firstValley).isLessThan(firstMode / 4).isLessThan(secondMode / 4);
    assertThat(secondValley).isLessThan(secondMode / 4).isLessThan(thirdMode / 4);
    assertThat(bimodalityCoefficient(statistics.values(index("spend")))).as("above 5/9 means more than one mode")
        .isGreaterThan(5.0 / 9);
  }

  /** Sarle's bimodality coefficient (g^2 + 1) / (k + 3 (n-1)^2 / ((n-2)(n-3))), k the excess kurtosis. */
  private static double bimodalityCoefficient(double[] values) {
    int n = values.length;
    double mean = 0;
    for (double value : values) {
      mean += value / n;
    }
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (double value : values) {
      double d = value - mean;
      m2 += d * d / n;
      m3 += d * d * d / n;
      m4 += d * d * d * d / n;
    }
    double skewness = m3 / Math.pow(m2, 1.5);
    double kurtosis = m4 / (m2 * m2) - 3;
    return (skewness * skewness + 1) / (kurtosis + 3.0 * (n - 1) * (n - 1) / ((n - 2.0) * (n - 3.0)));
  }

  @Test
  void theCorrelatedPairsHaveTheDocumentedSignAndSize() {
    assertThat(statistics.correlation(index("age"), index("income"))).isBetween(0.4, 0.6);
    assertThat(statistics.correlation(index("income"), index("hours"))).isBetween(0.6, 0.8);
    assertThat(statistics.correlation(index("spend"), index("visits"))).isBetween(0.5, 0.7);
    assertThat(Math.abs(statistics.correlation(index("age"), index("visits")))).isLessThan(0.25);
  }

  @Test
  void theWholeNumberColumnsHoldWholeNumbersInTheirRanges() {
    for (String column : List.of("age", "hours", "visits")) {
      for (double value : statistics.values(index(column))) {
        assertThat(value).as(column).isEqualTo(Math.rint(value));
      }
    }
    assertThat(Arrays.stream(statistics.values(index("age"))).min().orElseThrow()).isGreaterThanOrEqualTo(18);
    assertThat(Arrays.stream(statistics.values(index("age"))).max().orElseThrow()).isLessThanOrEqualTo(85);
    assertThat(Arrays.stream(statistics.values(index("hours"))).min().orElseThrow()).isGreaterThanOrEqualTo(4);
    assertThat(Arrays.stream(statistics.values(index("hours"))).max().orElseThrow()).isLessThanOrEqualTo(80);
    assertThat(Arrays.stream(statistics.values(index("visits"))).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    assertThat(Arrays.stream(statistics.values(index("spend"))).min().orElseThrow()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void theCategoricalColumnsDependOnTheContinuousOnes() {
    double[] income = statistics.values(index("income"));
    double[] sorted = income.clone();
    Arrays.sort(sorted);
    double lowQuarter = sorted[sorted.length / 4];
    double highQuarter = sorted[3 * sorted.length / 4];
    int[] premium = new int[2];
    int[] counted = new int[2];
    int[] churned = new int[2];
    int[] visitors = new int[2];
    for (int row = 0; row < table.rowCount(); row++) {
      double rowIncome = income[row];
      if (rowIncome <= lowQuarter || rowIncome >= highQuarter) {
        int group = rowIncome >= highQuarter ? 1 : 0;
        counted[group]++;
        premium[group] += "premium".equals(table.categoricalValue("segment", row)) ? 1 : 0;
      }
      double visits = statistics.values(index("visits"))[row];
      if (visits <= 2 || visits >= 6) {
        int group = visits >= 6 ? 1 : 0;
        visitors[group]++;
        churned[group] += "yes".equals(table.categoricalValue(DemoTable.LABEL, row)) ? 1 : 0;
      }
    }
    assertThat((double) premium[1] / counted[1]).as("premium share, top income quarter").isGreaterThan(0.4);
    assertThat((double) premium[0] / counted[0]).as("premium share, bottom income quarter").isLessThan(0.1);
    assertThat((double) churned[0] / visitors[0]).as("churn, 2 visits or fewer").isGreaterThan(0.5);
    assertThat((double) churned[1] / visitors[1]).as("churn, 6 visits or more").isLessThan(0.25);
  }

  @Test
  void theSameSeedGivesTheSameTableAndAnotherSeedAnotherOne() {
    try (Table same = DemoTable.generate(allocator, DemoTable.DEFAULT_ROWS, DemoTable.DEFAULT_SEED);
        Table other = DemoTable.generate(allocator, DemoTable.DEFAULT_ROWS, 1)) {
      for (String column : table.columnNames()) {
        for (int row = 0; row < table.rowCount(); row += 7) {
          assertThat(text(same, column, row)).as(column + " row " + row).isEqualTo(text(table, column, row));
        }
      }
      assertThat(other.continuous("income").get(0)).isNotEqualTo(table.continuous("income").get(0));
      assertThat(ColumnStatistics.of(other, MetaFeatureRegistry.loadInstalled()).skewness(index("income"))).isGreaterThan(1.5);
    }
  }

  private static String text(Table source, String column, int row) {
    return source.column(column).kind() == ColumnKind.CONTINUOUS
        ? String.valueOf(source.continuousValue(column, row)) : String.valueOf(source.categoricalValue(column, row));
  }

  @Test
  void tooFewRowsAreRefusedWithTheFix() {
    assertThatThrownBy(() -> DemoTable.generate(allocator, 5, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least 10 rows, got 5");
  }
}
