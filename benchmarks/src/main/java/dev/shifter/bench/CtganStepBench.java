package dev.shifter.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.Table;
import dev.shifter.ctgan.internal.CtganTraining;
import dev.shifter.ctgan.internal.DataTransformer;
import dev.shifter.ctgan.internal.EncodedData;
import dev.shifter.ctgan.internal.ModelArtifact;
import dev.shifter.ctgan.internal.ModelFiles;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.io.Tables;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;

/**
 * A CTGAN training step on Adult's 80 % split against its arithmetic floor: the step's time (median
 * of blocks of steps, after warm-up) next to the time its matrix products take on their own
 * ({@link StepProducts}: each shape multiplied back to back, median of repeats) and to its
 * floating-point work divided by the sgemm throughput of a large square product, all measured in the
 * same run on the same threads.
 *
 * <p>Usage: {@code CtganStepBench ADULT.csv [STEPS=300] [AVERAGING=0.999] [MODEL_DIR]} (MODEL_DIR:
 * continue that model's training, with its configuration and transformer, instead of starting one). A
 * benchmark is a command-line program, so it prints its table to standard output.
 */
public final class CtganStepBench {
  private static final int WARM_UP_STEPS = 520;
  private static final int BLOCKS = 5;

  private CtganStepBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args the Adult CSV, optionally the number of timed steps, the generator averaging decay and a model
   *     directory to continue
   */
  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    int steps = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    PrintStream out = System.out;
    float averaging = args.length > 2 ? Float.parseFloat(args[2]) : CtganConfig.DEFAULT_GENERATOR_AVERAGING;
    @Nullable ModelArtifact from = args.length > 3 ? ModelFiles.read(Path.of(args[3])) : null;
    CtganConfig config = from != null ? from.manifest().config() : CtganConfig.defaults()
        .withSeed(CtganAdultBench.SEED).toBuilder().optGeneratorAveraging(averaging).build();
    try (BufferAllocator allocator = new RootAllocator(); Table adult = Tables.read(data, allocator)) {
      int[][] split = AdultSplit.trainTest(adult, "income", 0.2, CtganAdultBench.SEED);
      EncodedData encoded;
      try (Table train = adult.takeRows(allocator, split[0])) {
        DataTransformer transformer = from != null ? DataTransformer.fromState(from.manifest().transformer())
            : DataTransformer.fit(train, CtganAdultBench.SEED);
        encoded = transformer.transform(train, CtganAdultBench.SEED);
      }
      double stepMs;
      double stepCpuMs;
      try (NDManager manager = NDManager.newBaseManager();
          CtganTraining training = new CtganTraining(encoded, config, manager)) {
        if (from != null) {
          training.restore(from.state(), from.manifest().training().epochsCompleted(),
              ModelFiles.stateFiles(Path.of(args[3])));
          out.printf(Locale.ROOT, "continuing %s from epoch %d%n", args[3], training.completedEpochs());
        }
        for (int i = 0; i < WARM_UP_STEPS; i++) {
          training.step();
        }
        double[] blocks = new double[BLOCKS];
        double[] cpuBlocks = new double[BLOCKS];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int b = 0; b < BLOCKS; b++) {
          long start = System.nanoTime();
          long cpuStart = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < steps / BLOCKS; i++) {
            training.step();
          }
          blocks[b] = (System.nanoTime() - start) / 1e6 / (steps / BLOCKS);
          cpuBlocks[b] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / (steps / BLOCKS);
        }
        stepMs = median(blocks);
        stepCpuMs = median(cpuBlocks);
      }
      List<StepProducts> products = StepProducts.ofStep(config, encoded.width(), encoded.condWidth());
      double flops = products.stream().mapToDouble(StepProducts::flops).sum();
      Map<String, double[]> byPart = new LinkedHashMap<>();
      double productsMs = 0;
      try (NDManager manager = NDManager.newBaseManager()) {
        Map<List<Long>, Double> timed = new LinkedHashMap<>();
        for (StepProducts product : products) {
          double ms = timed.computeIfAbsent(List.of(product.rows(), product.inner(), product.cols()),
              shape -> productMs(manager, shape.get(0), shape.get(1), shape.get(2), 200));
          productsMs += ms;
          double[] part = byPart.computeIfAbsent(product.what(), k -> new double[2]);
          part[0] += product.flops();
          part[1] += ms;
        }
        double squareMs = productMs(manager, 1024, 1024, 1024, 20);
        double peak = 2.0 * 1024 * 1024 * 1024 / (squareMs / 1e3);
        print(out, config, encoded, stepMs, stepCpuMs, flops, productsMs, peak, byPart);
      }
    }
  }

  private static void print(PrintStream out, CtganConfig config, EncodedData encoded, double stepMs,
      double stepCpuMs, double flops,
      double productsMs, double peak, Map<String, double[]> byPart) {
    out.printf(Locale.ROOT, "CTGAN training step on Adult's 80 %% split: %d rows, encoded width %d, conditional "
        + "vector %d, batch %d, pac %d, generator averaging %s; threads %s%n%n", encoded.rows(), encoded.width(),
        encoded.condWidth(), config.batchSize(), config.pac(), config.generatorAveraging(),
        System.getProperty("ai.djl.pytorch.num_threads", "?"));
    out.println("| part of a step | GFLOP | its products alone, ms | GFLOP/s |");
    out.println("|---|---|---|---|");
    for (Map.Entry<String, double[]> part : byPart.entrySet()) {
      out.printf(Locale.ROOT, "| %s | %.3f | %.2f | %.1f |%n", part.getKey(), part.getValue()[0] / 1e9,
          part.getValue()[1], part.getValue()[0] / 1e6 / part.getValue()[1]);
    }
    double peakFloorMs = flops / peak * 1e3;
    out.println();
    out.println("| step | value |");
    out.println("|---|---|");
    out.printf(Locale.ROOT, "| matrix-product work of a step (GFLOP) | %.3f |%n", flops / 1e9);
    out.printf(Locale.ROOT, "| sgemm throughput, 1024 x 1024 x 1024 (GFLOP/s) | %.1f |%n", peak / 1e9);
    out.printf(Locale.ROOT, "| floor: work / that throughput (ms) | %.2f |%n", peakFloorMs);
    out.printf(Locale.ROOT, "| floor: the step's products alone, at their own shapes (ms) | %.2f |%n", productsMs);
    out.printf(Locale.ROOT, "| measured step, median of %d blocks (ms) | %.2f |%n", BLOCKS, stepMs);
    out.printf(Locale.ROOT, "| CPU time of the calling thread a step (ms; all of the step's work at 1 thread) | %.2f |%n",
        stepCpuMs);
    out.printf(Locale.ROOT, "| step / floor at the products' shapes | %.2f |%n", stepMs / productsMs);
    out.printf(Locale.ROOT, "| step / floor at sgemm throughput | %.2f |%n", stepMs / peakFloorMs);
    out.printf(Locale.ROOT, "| epoch of %d steps at the measured step (s) | %.2f |%n",
        encoded.rows() / config.batchSize(), stepMs * (encoded.rows() / config.batchSize()) / 1e3);
  }

  /** The median time of one {@code rows x inner} by {@code inner x cols} product, in ms. */
  private static double productMs(NDManager manager, long rows, long inner, long cols, int repeats) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray a = scope.randomUniform(-1f, 1f, new Shape(rows, inner));
      NDArray b = scope.randomUniform(-1f, 1f, new Shape(inner, cols));
      for (int i = 0; i < 10; i++) {
        a.matMul(b).close();
      }
      double[] times = new double[repeats];
      for (int i = 0; i < repeats; i++) {
        long start = System.nanoTime();
        a.matMul(b).close();
        times[i] = (System.nanoTime() - start) / 1e6;
      }
      return median(times);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
