package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shifter.api.ColumnKind;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataTransformerTest {
  private static final int ROWS = 3000;
  private static final String[] COLOURS = {"red", "green", "blue"};

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** x: three modes with 5 % missing; y: two modes; c: three labels with missing; d: two labels; k: constant. */
  private Table table(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = MixtureSamples.threeModes(ROWS, seed);
    double[] y = new double[ROWS];
    double[] k = new double[ROWS];
    @Nullable String[] c = new String[ROWS];
    @Nullable String[] d = new String[ROWS];
    for (int i = 0; i < ROWS; i++) {
      if (random.nextDouble() < 0.05) {
        x[i] = Double.NaN;
      }
      y[i] = random.nextBoolean() ? 100.0 + random.nextDouble() : 300.0 + 2.0 * random.nextDouble();
      k[i] = 7.5;
      c[i] = random.nextDouble() < 0.1 ? null : COLOURS[random.nextInt(3)];
      d[i] = random.nextDouble() < 0.3 ? "yes" : "no";
    }
    try (TableBuilder builder = new TableBuilder(allocator)) {
      return builder.addContinuous("x", x).addCategorical("c", c).addContinuous("y", y).addCategorical("d", d)
          .addContinuous("k", k).build();
    }
  }

  @Test
  void encodeThenDecodeReturnsTheTable() {
    try (Table original = table(1)) {
      DataTransformer transformer = DataTransformer.fit(original, 3);
      EncodedData encoded = transformer.transform(original, 4);
      try (Table decoded = transformer.inverse(encoded.values(), encoded.rows(), allocator)) {
        assertThat(decoded.columns()).isEqualTo(original.columns());
        assertThat(decoded.rowCount()).isEqualTo(ROWS);
        int clipped = 0;
        for (int i = 0; i < ROWS; i++) {
          assertThat(decoded.categoricalValue("c", i)).isEqualTo(original.categoricalValue("c", i));
          assertThat(decoded.categoricalValue("d", i)).isEqualTo(original.categoricalValue("d", i));
          assertThat(decoded.continuousValue("k", i)).isCloseTo(7.5, within(1e-9));
          for (String column : List.of("x", "y")) {
            Double before = original.continuousValue(column, i);
            Double after = decoded.continuousValue(column, i);
            if (before == null) {
              assertThat(after).as("%s row %d", column, i).isNull();
            } else if (Math.abs(encoded.values()[i * encoded.width() + alphaOffset(transformer, column)]) >= 0.99f) {
              clipped++;
            } else {
              assertThat(after).as("%s row %d", column, i).isNotNull().isCloseTo(before, within(1e-4));
            }
          }
        }
        assertThat(clipped).as("values clipped at |alpha| = 0.99").isLessThan(ROWS / 100);
      }
    }
  }

  private static int alphaOffset(DataTransformer transformer, String column) {
    return transformer.continuousLayouts().stream().filter(l -> l.name().equals(column)).findFirst()
        .orElseThrow().alphaOffset();
  }

  @Test
  void encodedRowsFollowTheSpans() {
    try (Table original = table(2)) {
      DataTransformer transformer = DataTransformer.fit(original, 5);
      EncodedData encoded = transformer.transform(original, 6);
      assertThat(encoded.spans()).isEqualTo(transformer.spans());
      assertThat(encoded.width()).isEqualTo(transformer.width())
          .isEqualTo(encoded.spans().stream().mapToInt(OutputSpan::width).sum());
      float[] v = encoded.values();
      for (int i = 0; i < encoded.rows(); i++) {
        for (OutputSpan span : encoded.spans()) {
          int start = i * encoded.width() + span.offset();
          if (span.activation() == Activation.TANH) {
            assertThat(v[start]).isBetween(-0.99f, 0.99f);
          } else {
            int ones = 0;
            float sum = 0f;
            for (int j = 0; j < span.width(); j++) {
              sum += v[start + j];
              ones += v[start + j] == 1f ? 1 : 0;
            }
            assertThat(ones).isEqualTo(1);
            assertThat(sum).isEqualTo(1f);
          }
        }
      }
    }
  }

  @Test
  void missingValuesHaveTheirOwnLastSlot() {
    try (Table original = table(3)) {
      DataTransformer transformer = DataTransformer.fit(original, 1);
      EncodedData encoded = transformer.transform(original, 1);
      ContinuousLayout x = transformer.continuousLayouts().get(0);
      assertThat(x.name()).isEqualTo("x");
      assertThat(x.lastModeIsMissing()).isTrue();
      assertThat(x.means()).hasSize(x.modeWidth() - 1).hasSize(3);
      ContinuousLayout y = transformer.continuousLayouts().get(1);
      assertThat(y.lastModeIsMissing()).isFalse();
      assertThat(y.means()).hasSize(y.modeWidth());
      for (int i = 0; i < ROWS; i++) {
        int row = i * encoded.width();
        boolean missing = original.continuousValue("x", i) == null;
        assertThat(encoded.values()[row + x.modeOffset() + x.modeWidth() - 1]).isEqualTo(missing ? 1f : 0f);
        if (missing) {
          assertThat(encoded.values()[row + x.alphaOffset()]).isZero();
        }
      }
    }
  }

  @Test
  void discreteColumnsListSortedCategoriesWithMissingLast() {
    try (Table original = table(4)) {
      DataTransformer transformer = DataTransformer.fit(original, 1);
      EncodedData encoded = transformer.transform(original, 1);
      ColumnState c = transformer.state().columns().get(1);
      assertThat(c.kind()).isEqualTo(ColumnKind.CATEGORICAL);
      assertThat(c.categories()).containsExactly("blue", "green", "red");
      assertThat(c.hasMissing()).isTrue();
      assertThat(transformer.categoryIndex("c", null)).isEqualTo(3);
      assertThat(transformer.categoryIndex("d", "yes")).isEqualTo(1);

      List<DiscreteColumnInfo> discrete = encoded.discrete();
      assertThat(discrete).extracting(DiscreteColumnInfo::name).containsExactly("c", "d");
      assertThat(discrete.get(0).categories()).isEqualTo(4);
      assertThat(discrete.get(0).condOffset()).isZero();
      assertThat(discrete.get(1).condOffset()).isEqualTo(4);
      assertThat(encoded.condWidth()).isEqualTo(6).isEqualTo(transformer.condWidth());
      for (int d = 0; d < discrete.size(); d++) {
        DiscreteColumnInfo info = discrete.get(d);
        assertThat(transformer.spans()).contains(new OutputSpan(info.dataOffset(), info.categories(),
            Activation.SOFTMAX));
        for (int i = 0; i < ROWS; i++) {
          int category = encoded.categoryOfRow()[d][i];
          assertThat(encoded.values()[i * encoded.width() + info.dataOffset() + category]).isEqualTo(1f);
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameEncodingAndAnotherSeedOtherModes() {
    try (Table original = table(5)) {
      DataTransformer first = DataTransformer.fit(original, 9);
      DataTransformer second = DataTransformer.fit(original, 9);
      assertThat(second.state()).isEqualTo(first.state());
      float[] a = first.transform(original, 1).values();
      assertThat(second.transform(original, 1).values()).containsExactly(a);
      assertThat(first.transform(original, 2).values()).isNotEqualTo(a);
    }
  }

  @Test
  void theStateRoundTripsThroughJson() throws Exception {
    try (Table original = table(6)) {
      DataTransformer transformer = DataTransformer.fit(original, 2);
      ObjectMapper json = new ObjectMapper();
      String text = json.writeValueAsString(transformer.state());
      TransformerState read = json.readValue(text, TransformerState.class);
      assertThat(read).isEqualTo(transformer.state());
      assertThat(text).contains("\"kind\":\"CONTINUOUS\"", "\"hasMissing\":true", "\"categories\":[\"blue\"");
      DataTransformer restored = DataTransformer.fromState(read);
      assertThat(restored.spans()).isEqualTo(transformer.spans());
      assertThat(restored.continuousLayouts()).isEqualTo(transformer.continuousLayouts());
      assertThat(restored.transform(original, 3).values()).containsExactly(transformer.transform(original, 3).values());
    }
  }

  @Test
  void aDamagedStateIsRefused() {
    String json = "{\"columns\":[{\"name\":\"x\",\"kind\":\"CONTINUOUS\",\"hasMissing\":false,"
        + "\"means\":[1.0,2.0],\"stds\":[1.0],\"weights\":[0.5,0.5],\"categories\":[]}]}";
    assertThatThrownBy(() -> new ObjectMapper().readValue(json, TransformerState.class))
        .hasRootCauseInstanceOf(dev.shifter.api.ArtifactException.class)
        .rootCause().hasMessageContaining("column 'x'").hasMessageContaining("fit the model again");
  }

  @Test
  void anUnknownCategoryIsRefusedWithTheKnownOnes() {
    try (Table original = table(7); TableBuilder builder = new TableBuilder(allocator)) {
      DataTransformer transformer = DataTransformer.fit(original, 2);
      try (Table other = builder.addContinuous("x", new double[] {1.0}).addCategorical("c", new String[] {"pink"})
          .addContinuous("y", new double[] {100.0}).addCategorical("d", new String[] {"no"})
          .addContinuous("k", new double[] {7.5}).build()) {
        assertThatThrownBy(() -> transformer.transform(other, 1)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("'pink'").hasMessageContaining("blue, green, red");
      }
    }
  }

  @Test
  void aMissingValueInAColumnFittedWithoutIsRefused() {
    try (Table original = table(8); TableBuilder builder = new TableBuilder(allocator)) {
      DataTransformer transformer = DataTransformer.fit(original, 2);
      try (Table other = builder.addContinuous("x", new double[] {1.0}).addCategorical("c", new String[] {"red"})
          .addContinuous("y", new double[] {Double.NaN}).addCategorical("d", new String[] {"no"})
          .addContinuous("k", new double[] {7.5}).build()) {
        assertThatThrownBy(() -> transformer.transform(other, 1)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("'y'").hasMessageContaining("missing");
      }
    }
  }

  @Test
  void otherColumnsAreRefused() {
    try (Table original = table(9); TableBuilder builder = new TableBuilder(allocator)) {
      DataTransformer transformer = DataTransformer.fit(original, 2);
      try (Table other = builder.addContinuous("x", new double[] {1.0}).build()) {
        assertThatThrownBy(() -> transformer.transform(other, 1)).isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("differ");
      }
    }
  }

  @Test
  void decodingAWrongLengthIsRefused() {
    try (Table original = table(10)) {
      DataTransformer transformer = DataTransformer.fit(original, 2);
      assertThatThrownBy(() -> transformer.inverse(new float[transformer.width() + 1], 1, allocator))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("rows * width()");
    }
  }

  @Test
  void softActivationsDecodeByArgmax() {
    try (Table original = table(11)) {
      DataTransformer transformer = DataTransformer.fit(original, 2);
      ContinuousLayout y = transformer.continuousLayouts().get(1);
      float[] row = new float[transformer.width()];
      for (OutputSpan span : transformer.spans()) {
        for (int j = 0; j < span.width(); j++) {
          row[span.offset() + j] = span.activation() == Activation.SOFTMAX ? 0.1f : 0f;
        }
        if (span.activation() == Activation.SOFTMAX) {
          row[span.offset()] = 0.5f;
        }
      }
      row[y.alphaOffset()] = 0.25f;
      try (Table decoded = transformer.inverse(row, 1, allocator)) {
        assertThat(decoded.continuousValue("y", 0)).isCloseTo(0.25 * 4 * y.stds()[0] + y.means()[0], within(1e-9));
        assertThat(decoded.categoricalValue("c", 0)).isEqualTo("blue");
        assertThat(decoded.categoricalValue("d", 0)).isEqualTo("no");
      }
    }
  }
}
