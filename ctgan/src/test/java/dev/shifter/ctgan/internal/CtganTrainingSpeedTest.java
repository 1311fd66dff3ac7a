package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.shifter.ctgan.types.CtganConfig;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seconds per training step with the paper's settings on an Adult-sized encoding (32,561 rows,
 * width 158, conditional width 104). A benchmark, not a CI test: it runs only with
 * {@code -Dshifter.benchmark=true}; set the threads with {@code -Dshifter.test.threads=2} and the
 * number of timed steps with {@code -Dshifter.benchmark.steps=N}. The figure goes to
 * {@code target/figures/ctgan-training-speed.txt}.
 */
class CtganTrainingSpeedTest {
  private static final Logger LOG = LoggerFactory.getLogger(CtganTrainingSpeedTest.class);
  private static final int ADULT_ROWS = 32_561;

  @Test
  @EnabledIfSystemProperty(named = "shifter.benchmark", matches = "true")
  void measuresSecondsPerStepOnAnAdultSizedEncoding(TestReporter reporter) {
    EncodedData data = SyntheticEncodings.adultLike(ADULT_ROWS, 1);
    CtganConfig config = CtganConfig.builder().optSeed(1).build();
    int steps = Integer.getInteger("shifter.benchmark.steps", 40);
    try (NDManager manager = NDManager.newBaseManager();
        CtganTraining training = new CtganTraining(data, config, manager)) {
      for (int i = 0; i < 5; i++) {
        training.step();
      }
      long criticNanos = 0;
      long generatorNanos = 0;
      for (int i = 0; i < steps; i++) {
        long t0 = System.nanoTime();
        training.criticStep();
        long t1 = System.nanoTime();
        training.generatorStep();
        long t2 = System.nanoTime();
        criticNanos += t1 - t0;
        generatorNanos += t2 - t1;
      }
      double perStep = (criticNanos + generatorNanos) / 1e9 / steps;
      String summary = String.format(Locale.ROOT,
          "width %d, cond %d, batch %d, threads %s: %.1f ms/step (critic %.1f, generator %.1f); "
              + "%d steps/epoch -> %.2f s/epoch",
          data.width(), data.condWidth(), config.batchSize(),
          System.getProperty("ai.djl.pytorch.num_threads", "default"), perStep * 1000,
          criticNanos / 1e6 / steps, generatorNanos / 1e6 / steps, training.stepsPerEpoch(),
          perStep * training.stepsPerEpoch());
      LOG.info(summary);
      reporter.publishEntry("training-speed", summary);
      Figures.write("ctgan-training-speed", summary);
      assertThat(training.stepsPerEpoch()).isEqualTo(65);
      assertThat(training.step().generatorLoss()).isFinite();
    }
  }
}
