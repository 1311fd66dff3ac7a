package dev.shifter.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.junit.jupiter.api.Test;

class ColumnStatisticsTest {

  @Test
  void theStatisticsAreTheCoreMetaFeaturesOnTheCompleteRows() {
    try (BufferAllocator allocator = new RootAllocator();
        TableBuilder builder = new TableBuilder(allocator);
        Table table = builder.addContinuous("x", new double[] {1, 2, 3, 10, 99})
            .addCategorical("g", new String[] {"a", "b", "a", "b", "a"})
            .addVector(withMissingLast(allocator)).build()) {
      ColumnStatistics statistics = ColumnStatistics.of(table, MetaFeatureRegistry.loadInstalled());

      assertThat(statistics.names()).containsExactly("x", "y");
      assertThat(statistics.rows()).as("the last row misses y").isEqualTo(4);
      assertThat(statistics.mean(0)).isCloseTo(4, within(1e-5));
      assertThat(statistics.sd(0)).as("ddof 1").isCloseTo(Math.sqrt(50.0 / 3), within(1e-5));
      double s = Math.sqrt(50.0 / 3);
      double m3 = (-27 - 8 - 1 + 216) / 4.0;
      assertThat(statistics.skewness(0)).as("m3 / s^3").isCloseTo(m3 / (s * s * s), within(1e-5));
      assertThat(statistics.correlation(0, 1)).as("y = -2x, |r|").isCloseTo(1, within(1e-5));
      assertThat(statistics.correlation(1, 0)).as("either order").isCloseTo(1, within(1e-5));
      assertThat(statistics.topShare(0)).as("every value once").isEqualTo(0.25);
    }
  }

  private static Float8Vector withMissingLast(BufferAllocator allocator) {
    Float8Vector y = new Float8Vector("y", allocator);
    y.allocateNew(5);
    double[] values = {-2, -4, -6, -20};
    for (int i = 0; i < values.length; i++) {
      y.set(i, values[i]);
    }
    y.setNull(4);
    y.setValueCount(5);
    return y;
  }

  @Test
  void aConstantColumnHasNoSpreadSkewOrCorrelation() {
    try (BufferAllocator allocator = new RootAllocator();
        TableBuilder builder = new TableBuilder(allocator);
        Table table = builder.addContinuous("k", new double[] {3, 3, 3}).addContinuous("v", new double[] {1, 2, 4})
            .build()) {
      ColumnStatistics statistics = ColumnStatistics.of(table, MetaFeatureRegistry.loadInstalled());

      assertThat(statistics.sd(0)).isCloseTo(0, within(1e-6));
      assertThat(statistics.skewness(0)).isCloseTo(0, within(1e-6));
      assertThat(statistics.correlation(0, 1)).isCloseTo(0, within(1e-6));
      assertThat(statistics.topShare(0)).isEqualTo(1);
    }
  }
}
