package dev.shifter.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

  @Test
  void binaryF1IsThatOfThePositiveClass() {
    // Positive "p": TP 2, FP 1, FN 1 -> F1 = 4 / 6; accuracy 3 / 5.
    String[] truth = {"p", "p", "p", "n", "n"};
    String[] predicted = {"p", "p", "n", "p", "n"};

    ClassificationMetrics.Metrics metrics = ClassificationMetrics.of(truth, predicted, "p");

    assertThat(metrics.accuracy()).isCloseTo(0.6, within(1e-12));
    assertThat(metrics.f1()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void macroF1AveragesEveryTrueOrPredictedClass() {
    // a: TP 1, FN 1 -> 2/3; b: TP 1, FP 1, FN 1 -> 1/2; c: FP 1 -> 0 (predicted, never true).
    String[] truth = {"a", "a", "b", "b"};
    String[] predicted = {"a", "b", "b", "c"};

    ClassificationMetrics.Metrics metrics = ClassificationMetrics.of(truth, predicted, null);

    assertThat(metrics.f1()).isCloseTo((2.0 / 3 + 0.5 + 0) / 3, within(1e-12));
    assertThat(metrics.accuracy()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aPositiveClassNeverTrueNorPredictedScoresZero() {
    assertThat(ClassificationMetrics.of(new String[] {"n"}, new String[] {"n"}, "p").f1()).isEqualTo(0.0);
  }
}
