package dev.shifter.ctgan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native memory must stay flat over thousands of training steps: every batch array, graph and
 * gradient handle has to be released with its step's sub-manager.
 *
 * <p>A step makes a few hundred kilobytes of Java garbage, and the Java heap growing or shrinking
 * moves the resident size by tens of MB either way. So the test samples {@code VmRSS} minus the
 * committed Java heap (what is left is native memory: PyTorch's tensors, code, metaspace) after a
 * {@code System.gc()} every {@value #SAMPLE_EVERY} steps and compares the lowest sample of the first
 * window with the lowest of the last: a leak of more than about 20 KB a step shows; the
 * {@code JniUtils.backward(..., create_graph)} leak of 2-4 MB a step would show a hundredfold.
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
    CtganTrainingConfig config = CtganTrainingConfig.builder()
        .optBatchSize(20).optPac(10).optEmbeddingDim(8)
        .optGeneratorDims(List.of(16, 16)).optCriticDims(List.of(16, 16)).optSeed(1).build();
    try (NDManager manager = NDManager.newBaseManager();
        CtganTraining training = new CtganTraining(data, config, manager)) {
      for (int i = 0; i < WARM_UP; i++) {
        training.step();
      }
      int arraysBefore = manager.getManagedArrays().size();
      List<Long> samples = new ArrayList<>();
      samples.add(residentKilobytesAfterGc());
      long start = System.nanoTime();
      long sampling = 0;
      for (int i = 1; i <= STEPS; i++) {
        training.step();
        if (i % SAMPLE_EVERY == 0) {
          long t = System.nanoTime();
          samples.add(residentKilobytesAfterGc());
          sampling += System.nanoTime() - t;
        }
      }
      double msPerStep = (System.nanoTime() - start - sampling) / 1e6 / STEPS;
      int arraysAfter = manager.getManagedArrays().size();
      long first = Collections.min(samples.subList(0, WINDOW));
      long last = Collections.min(samples.subList(samples.size() - WINDOW, samples.size()));
      double growthMb = (last - first) / 1024.0;
      String summary = String.format(Locale.ROOT,
          "VmRSS minus committed heap (MB, after System.gc) every %d steps from step %d: %s; lowest of the first %d "
              + "%.1f MB, of the last %d %.1f MB, growth %.1f MB over %d steps (%.2f ms/step); "
              + "arrays in the model's manager %d -> %d",
          SAMPLE_EVERY, WARM_UP, samples.stream().map(kb -> String.valueOf(kb / 1024)).toList(),
          WINDOW, first / 1024.0, WINDOW, last / 1024.0, growthMb, STEPS, msPerStep, arraysBefore,
          arraysAfter);
      LOG.info(summary);
      reporter.publishEntry("native-memory", summary);
      Figures.write("ctgan-training-memory", summary);

      assertThat(arraysAfter).as("arrays left behind in the model's manager").isEqualTo(arraysBefore);
      assertThat(growthMb).as(summary).isLessThan(64.0);
    }
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
