package dev.shifter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.fixtures.ColumnMeanFeature;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.junit.jupiter.api.Test;

class MetaFeatureValuesTest {
  private static final MetaFeature BROKEN = new MetaFeature() {
    @Override
    public String name() {
      return "broken";
    }

    @Override
    public Arity arity() {
      return Arity.SCALAR;
    }

    @Override
    public String description() {
      return "always fails (test)";
    }

    @Override
    public NDArray compute(NDArray x) {
      throw new IllegalStateException("broken on purpose");
    }
  };

  private static final MetaFeatureProvider PROVIDER = new MetaFeatureProvider() {
    @Override
    public String id() {
      return "test";
    }

    @Override
    public List<MetaFeature> metaFeatures() {
      return List.of(new ColumnMeanFeature("mean"), BROKEN);
    }
  };

  @Test
  void valuesLeaveOutEmptyColumnsAndIncompleteRowsAndListFailures() {
    try (BufferAllocator allocator = new RootAllocator();
        TableBuilder builder = new TableBuilder(allocator);
        Table table = builder.addContinuous("x", new double[] {1, 2, 3, 10})
            .addVector(withMissing(allocator, "y", new double[] {4, 6, 8, Double.NaN}))
            .addVector(withMissing(allocator, "empty", new double[] {Double.NaN, Double.NaN, Double.NaN,
                Double.NaN}))
            .build()) {
      MetaFeatureValues values = MetaFeatureValues.of(table, MetaFeatureRegistry.of(PROVIDER));

      assertThat(values.columns()).containsExactly("x", "y");
      assertThat(values.emptyColumns()).containsExactly("empty");
      assertThat(values.rows()).isEqualTo(3);
      assertThat(values.droppedRows()).isEqualTo(1);
      assertThat(values.get("mean", "x")).isCloseTo(2, within(1e-6));
      assertThat(values.get("mean", "y")).isCloseTo(6, within(1e-6));
      assertThat(values.get("mean", "empty")).isNaN();
      assertThat(values.get("broken", "value")).isNaN();
      assertThat(values.failures()).singleElement().satisfies(f -> {
        assertThat(f.feature()).isEqualTo("broken");
        assertThat(f.describe()).startsWith("broken: ").contains("broken on purpose");
      });
    }
  }

  @Test
  void theBootstrapSdOfAMeanIsNearItsStandardErrorAndRepeatsForTheSeed() {
    double[] column = new double[400];
    for (int i = 0; i < column.length; i++) {
      column[i] = i % 20;
    }
    try (BufferAllocator allocator = new RootAllocator();
        TableBuilder builder = new TableBuilder(allocator);
        Table table = builder.addContinuous("v", column).build()) {
      List<RegisteredMetaFeature> mean = MetaFeatureRegistry.of(PROVIDER).select(List.of("mean"));
      MetaFeatureValues first = MetaFeatureValues.bootstrapSd(table, mean, 200, 7);
      MetaFeatureValues again = MetaFeatureValues.bootstrapSd(table, mean, 200, 7);

      double standardError = Math.sqrt((20.0 * 20 - 1) / 12 / column.length);
      assertThat(first.get("mean", "v")).isCloseTo(standardError, within(0.2 * standardError));
      assertThat(again.values()).isEqualTo(first.values());
    }
  }

  private static Float8Vector withMissing(BufferAllocator allocator, String name, double[] values) {
    Float8Vector vector = new Float8Vector(name, allocator);
    vector.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        vector.setNull(i);
      } else {
        vector.set(i, values[i]);
      }
    }
    vector.setValueCount(values.length);
    return vector;
  }
}
