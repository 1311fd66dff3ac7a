package dev.shifter.metafeatures.extra;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.types.DataType;
import dev.shifter.api.MetaFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Degenerate but valid input gives finite values and finite gradients, in float32 and float64. */
class DegenerateInputTest {

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (MetaFeature feature : new ExtraMetaFeatureProvider().metaFeatures()) {
      for (DataType type : List.of(DataType.FLOAT32, DataType.FLOAT64)) {
        matrices().forEach((name, matrix) -> cases.add(Arguments.of(feature.name(), feature, type, name, matrix)));
      }
    }
    return cases.stream();
  }

  private static Map<String, Matrix> matrices() {
    Map<String, Matrix> m = new LinkedHashMap<>();
    m.put("a constant column", Matrix.of(
        new double[] {1.0, 3.7, -2.0}, new double[] {2.5, 3.7, 0.5}, new double[] {0.3, 3.7, 4.0},
        new double[] {1.7, 3.7, 1.0}, new double[] {-0.4, 3.7, 2.2}, new double[] {0.9, 3.7, -1.3},
        new double[] {3.1, 3.7, 0.0}, new double[] {2.2, 3.7, 0.7}, new double[] {1.1, 3.7, 0.2}));
    double[][] constant = new double[9][];
    for (int i = 0; i < constant.length; i++) {
      constant[i] = new double[] {0.1, -7.0, 1e-3};
    }
    m.put("only constant columns", Matrix.of(constant));
    m.put("one row", Matrix.of(new double[] {1.5, -2.0, 0.0}));
    m.put("two rows", Matrix.of(new double[] {1.5, -2.0, 0.0}, new double[] {2.5, 4.0, 0.0}));
    m.put("one column", Matrix.of(new double[] {1.0}, new double[] {4.0}, new double[] {2.0}, new double[] {9.0}));
    double[][] huge = new double[10][];
    for (int i = 0; i < huge.length; i++) {
      huge[i] = new double[] {(i % 3 - 1) * 1e30 + i * 1e28, 1e30, 1e30 + i * 1e24, i};
    }
    m.put("values near 1e30", Matrix.of(huge));
    double[][] close = new double[10][];
    for (int i = 0; i < close.length; i++) {
      close[i] = new double[] {1.234567 + i * 1e-6, 1234567.0 + (i % 4), 0.5 + (i % 2) * 1e-7};
    }
    m.put("values differing in the seventh digit", Matrix.of(close));
    return m;
  }

  @ParameterizedTest(name = "{0} on {3} ({2})")
  @MethodSource("cases")
  void valuesAndGradientsAreFinite(String label, MetaFeature feature, DataType type, String name, Matrix matrix) {
    Evaluation evaluation = Evaluation.of(feature, matrix, type);

    assertThat(evaluation.type()).isEqualTo(type);
    assertThat(evaluation.values()).as(label + " values").hasSize(feature.arity().outputLength(matrix.columns()));
    assertThat(DoubleStream.of(evaluation.values()).boxed().toList()).as(label + " values")
        .allSatisfy(v -> assertThat(v).isFinite());
    assertThat(evaluation.gradient()).as(label + " gradient").hasSize(matrix.values().length);
    assertThat(DoubleStream.of(evaluation.gradient()).boxed().toList()).as(label + " gradient")
        .allSatisfy(g -> assertThat(g).isFinite());
  }
}
