package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.testing.NativeMemoryTrend;
import dev.shifter.shift.fixtures.MlpAdapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Native memory must stay flat over thousands of Shifter training steps: every step's arrays, graph and
 * gradient handles go with its sub-manager. Samples native memory every {@value #SAMPLE_EVERY} steps, from
 * a listener, between steps, and requires it to stay flat by {@link NativeMemoryTrend}'s leak criterion
 * ({@link NativeMemoryTrend#MAX_MEDIAN_INCREASE_MB}, {@link NativeMemoryTrend#MAX_GROWTH_MB}).
 */
class ShifterMemoryTest {
  private static final int STEPS = 3000;
  private static final int SAMPLE_EVERY = 250;
  private static final int WINDOW = 3;

  @Test
  @EnabledOnOs(OS.LINUX)
  void residentMemoryStaysFlatOverThousandsOfSteps(TestReporter reporter) {
    List<Long> samples = new ArrayList<>();
    ShifterConfig config = ShifterConfig.builder().optSteps(STEPS).optTrainSamples(200).optEvalSamples(400)
        .optEvalEvery(500).optStopWithin(1e-9).optSeed(1).build();
    Targets range = Targets.parseRange("{\"mean\": {\"age\": [44, 52]}, \"median\": {\"ratio\": [0.1, 0.4]}}");
    long start = System.nanoTime();
    try (MlpAdapter adapter = new MlpAdapter(4);
        TrainedShifter shifter = ShifterTrainer.builder().setAdapter(adapter).setTargets(range).optConfig(config)
            .optRegistry(MetaFeatureRegistry.loadInstalled()).optListener(report -> {
              if (report.step() % SAMPLE_EVERY == 0) {
                samples.add(NativeMemoryTrend.sample());
              }
            }).build().train()) {
      assertThat(shifter.steps()).isEqualTo(STEPS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    NativeMemoryTrend trend = new NativeMemoryTrend(samples);
    String summary = String.format(Locale.ROOT, "every %d steps, %s; %d steps (%.0f steps/s with 200 rows, "
        + "sampling included)", SAMPLE_EVERY, trend.describe(WINDOW), STEPS, STEPS / seconds);
    reporter.publishEntry("native-memory", summary);
    assertThat(trend.medianIncreaseMb()).as(summary).isLessThan(NativeMemoryTrend.MAX_MEDIAN_INCREASE_MB);
    assertThat(trend.growthMb(WINDOW)).as(summary).isLessThan(NativeMemoryTrend.MAX_GROWTH_MB);
  }
}
