package dev.shifter.metafeatures.core;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import dev.shifter.api.MetaFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A garbage collection between forward and backward must not change a gradient. DJL's PyTorch engine
 * lends Java numbers and index arrays to PyTorch from JVM buffers; if one of them were saved on the
 * graph, the collection would free it and the backward pass would read whatever the memory holds then
 * (the gradient of {@code x.mul(2.0)} becomes 0). Each feature runs on the safe and on the fast path.
 */
class GradientsSurviveGarbageCollectionTest {
  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  static Stream<Arguments> featuresAndInputs() {
    return Features.all().stream().flatMap(f -> Stream.of(
        Arguments.of(f.name(), "ordinary", DataType.FLOAT32),
        Arguments.of(f.name(), "ordinary", DataType.FLOAT64),
        Arguments.of(f.name(), "with a constant column", DataType.FLOAT32)));
  }

  @ParameterizedTest(name = "{0}, {1}, {2}")
  @MethodSource("featuresAndInputs")
  void aCollectionBetweenForwardAndBackwardLeavesTheGradientAsItWas(String name, String input, DataType type)
      throws InterruptedException {
    MetaFeature feature = Features.named(name);
    double[][] rows = matrix(input.equals("with a constant column"));
    double[] undisturbed = gradient(feature, rows, type, false);
    double[] collected = gradient(feature, rows, type, true);
    assertThat(collected).containsExactly(undisturbed);
    assertThat(undisturbed).as("some gradient").isNotEqualTo(new double[undisturbed.length]);
  }

  private double[] gradient(MetaFeature feature, double[][] rows, DataType type, boolean collect)
      throws InterruptedException {
    try (NDManager sub = manager.newSubManager()) {
      NDArray x = Features.matrix(sub, rows, type);
      x.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray loss = feature.compute(x).sum();
        if (collect) {
          collectAndReuseFreedMemory(sub);
        }
        collector.backward(loss);
        return x.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
      }
    }
  }

  /** Runs collections (and gives the cleaner time to free buffers), then refills freed memory. */
  private static void collectAndReuseFreedMemory(NDManager sub) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(20);
    }
    List<NDArray> filler = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      filler.add(sub.create(new long[] {1_000_003L * i, -7}));
    }
    filler.forEach(NDArray::close);
  }

  /** 9 x 3, distinct values; column 1 constant if asked (which sends moments to the safe path). */
  private static double[][] matrix(boolean constantColumn) {
    double[][] rows = new double[9][3];
    for (int i = 0; i < rows.length; i++) {
      rows[i][0] = Math.sin(1.3 * i) * 4 + 1;
      rows[i][1] = constantColumn ? 2.5 : Math.cos(0.7 * i * i);
      rows[i][2] = i * i * 0.3 - 2;
    }
    return rows;
  }
}
