package dev.shifter.bench;

import dev.shifter.api.Table;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.ctgan.types.FitListener;
import dev.shifter.ctgan.types.FitProgress;
import dev.shifter.eval.ClassifierScores;
import dev.shifter.eval.QualityEvaluator;
import dev.shifter.eval.QualityReport;
import dev.shifter.io.Tables;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * CTGAN on UCI Adult with the paper's settings: speed (seconds per epoch, the mixtures' fit time, the
 * rows sampled per second) and quality (detection
 * score, machine-learning efficacy for {@code income}, marginal fidelity).
 *
 * <p>The data is split once, stratified by {@code income} with a fixed seed: CTGAN is fitted on 80 %
 * and the classifiers are tested on the other 20 %, which neither CTGAN nor the real baseline saw.
 *
 * <p>Usage: {@code CtganAdultBench ADULT.csv EPOCHS [MODEL_OUT_DIR]}. A benchmark is
 * a command-line program, so it prints its table to standard output.
 */
public final class CtganAdultBench {
  /** The seed of the train/test split and of the fit; other Adult benchmarks reuse it to get the same rows. */
  static final long SEED = 20261124L;

  private CtganAdultBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args the Adult CSV, the epochs, and optionally a folder to save the fitted model in
   */
  public static void main(String[] args) {
    Path data = Path.of(args[0]);
    int epochs = Integer.parseInt(args[1]);
    Path modelOut = args.length > 2 ? Path.of(args[2]) : null;
    PrintStream out = System.out;
    try (BufferAllocator allocator = new RootAllocator(); Table adult = Tables.read(data, allocator)) {
      int[][] split = AdultSplit.trainTest(adult, "income", 0.2, SEED);
      try (Table train = adult.takeRows(allocator, split[0]); Table test = adult.takeRows(allocator, split[1])) {
        out.printf(Locale.ROOT, "Adult: %d rows, train %d, test %d; threads %s%n", adult.rowCount(),
            train.rowCount(), test.rowCount(), System.getProperty("ai.djl.pytorch.num_threads", "?"));

        EpochClock clock = new EpochClock();
        CtganConfig config = CtganConfig.defaults().withEpochs(epochs).withSeed(SEED);
        long fitStart = System.nanoTime();
        try (CtganModel model = CtganTrainer.builder().setData(train).optConfig(config).optListener(clock).build()
            .fit()) {
          double fitSeconds = (System.nanoTime() - fitStart) / 1e9;
          if (modelOut != null) {
            model.save(modelOut);
          }
          int n = train.rowCount();
          long sampleStart = System.nanoTime();
          try (Table synthetic = model.sample(allocator, n, SEED)) {
            double sampleSeconds = (System.nanoTime() - sampleStart) / 1e9;
            long evalStart = System.nanoTime();
            QualityReport report = QualityEvaluator.builder().setReal(train).setSynthetic(synthetic)
                .optRealTest(test).optLabel("income").optSeed(SEED).build().evaluate();
            double evalSeconds = (System.nanoTime() - evalStart) / 1e9;
            printSpeed(out, clock, fitSeconds, n, sampleSeconds, epochs);
            printQuality(out, report, evalSeconds);
          }
        }
      }
    }
  }

  private static void printSpeed(PrintStream out, EpochClock clock, double fitSeconds, int n,
      double sampleSeconds, int epochs) {
    double[] perEpoch = clock.epochSeconds();
    double[] sorted = perEpoch.clone();
    Arrays.sort(sorted);
    double median = sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    double mean = Arrays.stream(perEpoch).average().orElse(Double.NaN);
    out.println();
    out.println("| speed | value |");
    out.println("|---|---|");
    out.printf(Locale.ROOT, "| mixtures fit + encoding (s) | %.2f |%n", clock.encodeSeconds);
    out.printf(Locale.ROOT, "| epochs | %d (%d steps of %d rows each) |%n", epochs, clock.stepsPerEpoch, clock.batch);
    out.printf(Locale.ROOT, "| seconds per epoch, median / mean | %.2f / %.2f |%n", median, mean);
    out.printf(Locale.ROOT, "| whole fit (s) | %.1f |%n", fitSeconds);
    out.printf(Locale.ROOT, "| rows sampled per second (%d rows) | %.0f |%n", n, n / sampleSeconds);
  }

  private static void printQuality(PrintStream out, QualityReport report, double evalSeconds) {
    out.println();
    out.println("| quality | value |");
    out.println("|---|---|");
    out.printf(Locale.ROOT, "| detection score (LogisticDetection, 1 = indistinguishable) | %.3f |%n",
        report.detection().score());
    out.printf(Locale.ROOT, "| mean KS complement, continuous | %.3f |%n",
        report.marginals().meanKsComplement().orElse(Double.NaN));
    out.printf(Locale.ROOT, "| mean TV complement, categorical | %.3f |%n",
        report.marginals().meanTvComplement().orElse(Double.NaN));
    var efficacy = report.efficacy();
    if (efficacy != null) {
      for (ClassifierScores scores : efficacy.classifiers()) {
        out.printf(Locale.ROOT, "| %s: F1 / accuracy trained on synthetic | %.3f / %.3f |%n", scores.classifier(),
            scores.trainedOnSynthetic().f1(), scores.trainedOnSynthetic().accuracy());
        out.printf(Locale.ROOT, "| %s: F1 / accuracy trained on real | %.3f / %.3f |%n", scores.classifier(),
            scores.trainedOnReal().f1(), scores.trainedOnReal().accuracy());
      }
      out.printf(Locale.ROOT, "| mean F1 synthetic / real (paper: 0.601 / 0.669) | %.3f / %.3f |%n",
          efficacy.meanTrainedOnSynthetic().f1(), efficacy.meanTrainedOnReal().f1());
    }
    out.printf(Locale.ROOT, "| evaluation time (s) | %.1f |%n", evalSeconds);
  }

  /** Records when each epoch ends. */
  private static final class EpochClock implements FitListener {
    private final List<Long> epochEnds = new ArrayList<>();
    private long start = System.nanoTime();
    private double encodeSeconds;
    private int stepsPerEpoch;
    private int batch;
    private int lastEpoch = -1;

    @Override
    public void onStep(FitProgress progress) {
      stepsPerEpoch = progress.stepsPerEpoch();
      batch = progress.batchSize();
      if (progress.step() == progress.stepsPerEpoch() - 1 && progress.epoch() != lastEpoch) {
        lastEpoch = progress.epoch();
        epochEnds.add(System.nanoTime());
      }
    }

    @Override
    public void onDataEncoded(int rows, int encodedWidth, Duration took) {
      encodeSeconds = took.toNanos() / 1e9;
      start = System.nanoTime();
    }

    double[] epochSeconds() {
      double[] seconds = new double[epochEnds.size()];
      long previous = start;
      for (int i = 0; i < seconds.length; i++) {
        seconds[i] = (epochEnds.get(i) - previous) / 1e9;
        previous = epochEnds.get(i);
      }
      return seconds;
    }
  }
}
