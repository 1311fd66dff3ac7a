package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.shifter.api.testing.NativeMemoryTrend;
import dev.shifter.ctgan.types.CtganConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native memory must stay flat over thousands of training steps: every batch array, graph and
 * gradient handle has to be released with its step's sub-manager.
 *
 * <p>Samples native memory every {@value #SAMPLE_EVERY} steps and requires it to stay flat by
 * {@link NativeMemoryTrend}'s leak criterion: a median increase per interval under
 * {@link NativeMemoryTrend#MAX_MEDIAN_INCREASE_MB} and a growth under {@link NativeMemoryTrend#MAX_GROWTH_MB}.
 * The {@code JniUtils.backward(..., create_graph)} leak of 2-4 MB a step would fail it a hundredfold.
 */
class CtganTrainingMemoryTest {
  private static final Logger LOG = LoggerFactory.getLogger(CtganTrainingMemoryTest.class);
  private static final int WARM_UP = 500;
  private static final int STEPS = 3000;
  private static final int SAMPLE_EVERY = 250;
  private static final int WINDOW = 4;

  @Test
  @EnabledOnOs(OS.LINUX)
  void residentMemoryStaysFlatOverThousandsOfSteps(TestReporter reporter) {
    EncodedData data = SyntheticEncodings.small(400, 3);
    CtganConfig config = CtganConfig.builder()
        .optBatchSize(20).optPac(10).optEmbeddingDim(8)
        .optGeneratorDims(List.of(16, 16)).optCriticDims(List.of(16, 16)).optSeed(1).build();
    try (NDManager manager = NDManager.newBaseManager();
        CtganTraining training = new CtganTraining(data, config, manager)) {
      for (int i = 0; i < WARM_UP; i++) {
        training.step();
      }
      int arraysBefore = manager.getManagedArrays().size();
      List<Long> samples = new ArrayList<>();
      samples.add(NativeMemoryTrend.sample());
      long start = System.nanoTime();
      long sampling = 0;
      for (int i = 1; i <= STEPS; i++) {
        training.step();
        if (i % SAMPLE_EVERY == 0) {
          long t = System.nanoTime();
          samples.add(NativeMemoryTrend.sample());
          sampling += System.nanoTime() - t;
        }
      }
      double msPerStep = (System.nanoTime() - start - sampling) / 1e6 / STEPS;
      int arraysAfter = manager.getManagedArrays().size();
      NativeMemoryTrend trend = new NativeMemoryTrend(samples);
      String summary = String.format(Locale.ROOT,
          "every %d steps from step %d, %s; %d steps (%.2f ms/step); arrays in the model's manager %d -> %d",
          SAMPLE_EVERY, WARM_UP, trend.describe(WINDOW), STEPS, msPerStep, arraysBefore, arraysAfter);
      LOG.info(summary);
      reporter.publishEntry("native-memory", summary);
      Figures.write("ctgan-training-memory", summary);

      assertThat(arraysAfter).as("arrays left behind in the model's manager").isEqualTo(arraysBefore);
      assertThat(trend.medianIncreaseMb()).as(summary).isLessThan(NativeMemoryTrend.MAX_MEDIAN_INCREASE_MB);
      assertThat(trend.growthMb(WINDOW)).as(summary).isLessThan(NativeMemoryTrend.MAX_GROWTH_MB);
    }
  }
}
