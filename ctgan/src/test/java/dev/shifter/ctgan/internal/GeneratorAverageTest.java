package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.shifter.ctgan.types.CtganConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorAverageTest {
  private static final CtganConfig SMALL = CtganConfig.builder()
      .optEpochs(2).optBatchSize(40).optPac(10).optEmbeddingDim(8)
      .optGeneratorDims(List.of(16, 16)).optCriticDims(List.of(16)).optSeed(3).build();

  @Test
  void anUpdateMovesTheAverageTowardsTheLiveWeightsByTheWarmUpDecay() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Generator live = generator(manager);
      Generator shadow = generator(manager);
      GeneratorAverage average = new GeneratorAverage(live, shadow, manager, 0.999f);
      List<float[]> before = values(live);
      for (Parameter parameter : live.getParameters().values()) {
        parameter.getArray().addi(1f);
      }
      average.update(1);
      double d = 2.0 / 11.0;
      List<float[]> after = values(shadow);
      for (int i = 0; i < before.size(); i++) {
        for (int j = 0; j < before.get(i).length; j++) {
          assertThat((double) after.get(i)[j]).isCloseTo(before.get(i)[j] + (1 - d), within(1e-5));
        }
      }
    }
  }

  @Test
  void theDecayIsCappedSoTheAverageFollowsWeightsThatStopMoving() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Generator live = generator(manager);
      Generator shadow = generator(manager);
      GeneratorAverage average = new GeneratorAverage(live, shadow, manager, 0.9f);
      for (Parameter parameter : live.getParameters().values()) {
        parameter.getArray().addi(1f);
      }
      for (int step = 1; step <= 200; step++) {
        average.update(step);
      }
      List<float[]> target = values(live);
      List<float[]> reached = values(shadow);
      for (int i = 0; i < target.size(); i++) {
        for (int j = 0; j < target.get(i).length; j++) {
          assertThat(reached.get(i)[j]).isCloseTo(target.get(i)[j], within(1e-4f));
        }
      }
    }
  }

  @Test
  void averagingLeavesTheTrainingTrajectoryUnchangedAndSamplesFromTheAverage() {
    EncodedData data = SyntheticEncodings.small(400, 1);
    CtganConfig plain = SMALL.toBuilder().optGeneratorAveraging(0f).build();
    try (NDManager manager = NDManager.newBaseManager();
        CtganTraining averaged = new CtganTraining(data, SMALL, manager);
        CtganTraining last = new CtganTraining(data, plain, manager)) {
      for (int i = 0; i < 10; i++) {
        averaged.step();
      }
      for (int i = 0; i < 10; i++) {
        last.step();
      }
      NetworkState withAverage = averaged.snapshot();
      NetworkState withoutAverage = last.snapshot();
      assertThat(withAverage.liveGenerator()).isEqualTo(withoutAverage.generator());
      assertThat(withoutAverage.liveGenerator()).isNull();
      assertThat(withAverage.generator()).isNotEqualTo(withAverage.liveGenerator());
      assertThat(withAverage.trainingGenerator()).isEqualTo(withAverage.liveGenerator());
    }
  }

  private static Generator generator(NDManager manager) {
    Generator generator = new Generator(12, List.of(16, 16), 6);
    Networks.initialize(generator, manager, 20);
    return generator;
  }

  private static List<float[]> values(Generator generator) {
    List<float[]> values = new ArrayList<>();
    for (Parameter parameter : generator.getParameters().values()) {
      values.add(parameter.getArray().toFloatArray());
    }
    return values;
  }
}
