package dev.shifter.shift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.shift.fixtures.MlpAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Native memory must stay flat over thousands of Shifter training steps: every step's arrays, graph and
 * gradient handles go with its sub-manager. Samples {@code VmRSS} minus the committed Java heap after a
 * {@code System.gc()} every {@value #SAMPLE_EVERY} steps (from a listener, between steps) and compares
 * the lowest sample of the first window with the lowest of the last.
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
                samples.add(residentKilobytesAfterGc());
              }
            }).build().train()) {
      assertThat(shifter.steps()).isEqualTo(STEPS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long first = Collections.min(samples.subList(0, WINDOW));
    long last = Collections.min(samples.subList(samples.size() - WINDOW, samples.size()));
    double growthMb = (last - first) / 1024.0;
    String summary = String.format(Locale.ROOT, "VmRSS minus committed heap (MB) every %d steps: %s; growth %.1f MB "
        + "over %d steps (%.0f steps/s with 200 rows, sampling included)", SAMPLE_EVERY,
        samples.stream().map(kb -> String.valueOf(kb / 1024)).toList(), growthMb, STEPS, STEPS / seconds);
    reporter.publishEntry("native-memory", summary);
    assertThat(growthMb).as(summary).isLessThan(32.0);
  }

  private static long residentKilobytesAfterGc() {
    System.gc();
    long heapKb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) - heapKb;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no VmRSS line in /proc/self/status");
  }
}
