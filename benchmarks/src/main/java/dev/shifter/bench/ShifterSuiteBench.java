package dev.shifter.bench;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.ctgan.CtganTrainer;
import dev.shifter.eval.QualityEvaluator;
import dev.shifter.eval.QualityReport;
import dev.shifter.shift.GeneratorLoaders;
import dev.shifter.shift.LoadedGenerator;
import dev.shifter.shift.ShiftedTable;
import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.ShifterTrainer;
import dev.shifter.shift.TargetEntry;
import dev.shifter.shift.TargetReport;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TiltGenerator;
import dev.shifter.shift.TiltedTable;
import dev.shifter.shift.TrainedShifter;
import dev.shifter.shift.TrainingSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.jspecify.annotations.Nullable;

/**
 * The Shifter across data sets, against the training-free reweighting baseline ({@code tilt}) and the
 * plain CTGAN: five data sets ({@link SuiteDataSet}), eight target sets each drawn by a fixed rule
 * ({@link SuiteTargets}), each set run with the Shifter (given settings, default the library's) and
 * with tilt, same CTGAN, same number of rows (the real table's), same seed. Per entry the target, the
 * plain CTGAN's value and each method's value; per set and method the LogisticDetection score, a random
 * forest's detection AUC, the excess share of rows at each column's bounds and the worst drop of a
 * categorical column's TV complement. Writes results.md, entries.csv and sets.csv.
 */
public final class ShifterSuiteBench {
  private static final long FIT_SEED = 1L;
  private static final long TRAIN_SEED = 7L;
  private static final long GENERATE_SEED = 11L;
  private static final long TARGET_SEED = 5L;
  private static final int BOOTSTRAP = 200;
  private static final int QUICK_BOOTSTRAP = 30;
  private static final int QUICK_STEPS = 200;
  private static final int QUICK_EPOCHS = 20;
  private static final String USAGE = "Usage: ShifterSuiteBench DATA_DIR MODELS_DIR OUT_DIR [--quick] "
      + "[--datasets adult,wine] [--sets P1,X2] [--methods shifter,tilt] [--config FILE]";

  private ShifterSuiteBench() {}

  /** The options of a run. */
  private record Options(Path dataDir, Path modelsDir, Path outDir, boolean quick, List<String> dataSets,
      List<String> sets, List<String> methods, @Nullable Path config) {}

  /**
   * Runs the benchmark.
   *
   * @param args see {@link #USAGE}
   */
  public static void main(String[] args) {
    Options options = parse(args);
    long start = System.nanoTime();
    PrintStream out = System.out;
    StringBuilder markdown = new StringBuilder();
    MetaFeatureRegistry registry = MetaFeatureRegistry.loadInstalled();
    List<RegisteredMetaFeature> features = registry.select(SuiteTargets.FEATURES);
    ShifterConfig base = options.config() == null ? ShifterConfig.defaults() : ShifterConfig.read(options.config());
    ShifterConfig config = options.quick() ? base.toBuilder().optSeed(TRAIN_SEED)
        .optSteps(Math.min(QUICK_STEPS, base.steps())).build() : base.toBuilder().optSeed(TRAIN_SEED).build();
    emit(out, markdown, String.format(Locale.ROOT, "# Shifter suite%s%n%nShifter settings: %s; CTGANs: %d epochs, "
        + "paper settings (seed %d); targets drawn with SuiteTargets' rule; tables of the real row count, seed %d; "
        + "threads %s; %d cores, load average %.2f at the start.%n", options.quick() ? " (quick mode)" : "",
        options.config() == null ? "the defaults" : options.config() + " over the defaults",
        options.quick() ? QUICK_EPOCHS : SuiteDataSet.EPOCHS, FIT_SEED, GENERATE_SEED,
        System.getProperty("ai.djl.pytorch.num_threads", "?"), Runtime.getRuntime().availableProcessors(),
        loadAverage()));
    List<SuiteResult> results = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator()) {
      for (SuiteDataSet dataSet : SuiteDataSet.all()) {
        if (!options.dataSets().isEmpty() && !options.dataSets().contains(dataSet.name())) {
          continue;
        }
        results.addAll(runDataSet(dataSet, options, config, registry, features, allocator, out, markdown));
      }
    }
    emit(out, markdown, "\n## Summary\n\n" + SuiteReport.summary(results) + String.format(Locale.ROOT,
        "%nTotal time %.1f min; load average at the end %.2f.%n", (System.nanoTime() - start) / 6e10, loadAverage()));
    write(options.outDir(), markdown.toString(), results);
    out.printf(Locale.ROOT, "%nWrote results.md, entries.csv and sets.csv to %s%n", options.outDir());
  }

  private static List<SuiteResult> runDataSet(SuiteDataSet dataSet, Options options, ShifterConfig config,
      MetaFeatureRegistry registry, List<RegisteredMetaFeature> features, BufferAllocator allocator,
      PrintStream out, StringBuilder markdown) {
    List<SuiteResult> results = new ArrayList<>();
    try (Table real = dataSet.read(options.dataDir(), allocator)) {
      Path modelDir = fitOrReuse(dataSet, real, options, out);
      try (LoadedGenerator generator = GeneratorLoaders.load(modelDir)) {
        GeneratorAdapter adapter = generator.adapter();
        RealMetaFeatures realValues = RealMetaFeatures.measure(real, features, options.quick() ? QUICK_BOOTSTRAP
            : BOOTSTRAP, TARGET_SEED);
        List<TargetSet> sets = SuiteTargets.draw(dataSet.name(), realValues, registry, adapter).stream()
            .filter(s -> options.sets().isEmpty() || options.sets().contains(s.id().substring(s.id().indexOf('-') + 1)))
            .toList();
        int rows = real.rowCount();
        emit(out, markdown, String.format(Locale.ROOT, "%n## %s: %,d rows, %d continuous and %d categorical columns"
            + "%n", dataSet.name(), rows, real.continuousColumnNames().size(), real.categoricalColumnNames().size()));
        try (Table plainRows = PlainTables.generate(adapter, allocator, rows, GENERATE_SEED)) {
          long plainStart = System.nanoTime();
          Map<String, Double> plainValues = PlainTables.measure(plainRows, features);
          QualityReport quality = quality(real, plainRows);
          Map<String, Double> plainTv = quality.marginals().tvComplements();
          SuiteResult plain = new SuiteResult(dataSet.name(), "-", true, "ctgan", List.of(),
              quality.detection().score(), forest(real, plainRows), boundExcess(real, real, plainRows), 0, 0,
              seconds(plainStart), "plain CTGAN");
          results.add(plain);
          emit(out, markdown, String.format(Locale.ROOT, "Plain CTGAN: detection %.3f, forest AUC %.3f, excess at "
              + "bounds %.1f %%.%n", plain.detection(), plain.forestAuc(), 100 * plain.boundExcess()));
          for (TargetSet set : sets) {
            Targets targets = targets(set, realValues);
            boolean allPlausible = set.rules().stream().allMatch(TargetRule::plausible);
            for (String method : options.methods()) {
              SuiteResult result = method.equals("tilt")
                  ? tilt(dataSet, set, targets, allPlausible, generator, registry, real, plainRows, realValues,
                      plainValues, plainTv, allocator)
                  : shifter(dataSet, set, targets, allPlausible, generator, config, real, plainRows, realValues,
                      plainValues, plainTv, allocator);
              results.add(result);
              emit(out, markdown, SuiteReport.setLine(result));
            }
          }
        }
      }
    }
    return results;
  }

  private static Path fitOrReuse(SuiteDataSet dataSet, Table real, Options options, PrintStream out) {
    Path modelDir = options.modelsDir().resolve(dataSet.name() + (options.quick() ? "-quick" : ""));
    if (Files.isRegularFile(modelDir.resolve("manifest.json"))) {
      return modelDir;
    }
    long start = System.nanoTime();
    int epochs = options.quick() ? QUICK_EPOCHS : SuiteDataSet.EPOCHS;
    try (CtganModel model = CtganTrainer.builder().setData(real).optConfig(dataSet.ctganConfig(FIT_SEED))
        .optEpochs(epochs).optCheckpointDir(modelDir).optCheckpointEvery(25).build().fit()) {
      out.printf(Locale.ROOT, "(fitted the CTGAN of %s: %d epochs in %.0f s, saved to %s)%n", dataSet.name(),
          model.epochsCompleted(), seconds(start), modelDir);
    }
    return modelDir;
  }

  private static SuiteResult shifter(SuiteDataSet dataSet, TargetSet set, Targets targets, boolean allPlausible,
      LoadedGenerator generator, ShifterConfig config, Table real, Table plainRows, RealMetaFeatures realValues,
      Map<String, Double> plainValues, Map<String, Double> plainTv, BufferAllocator allocator) {
    long start = System.nanoTime();
    try (TrainedShifter trained = ShifterTrainer.builder().setGenerator(generator).setTargets(targets)
        .optConfig(config).build().train();
        ShiftedTable shifted = trained.generate(allocator, real.rowCount(), GENERATE_SEED)) {
      double seconds = seconds(start);
      TrainingSummary summary = trained.summary().orElseThrow();
      String note = summary.stopReason().name().toLowerCase(Locale.ROOT) + " at step " + summary.steps()
          + (summary.keptUnshifted() ? ", kept the untrained identity"
              : summary.keptAnEarlierStep() ? ", kept step " + summary.keptStep() : "")
          + (summary.piles().isEmpty() ? "" : ", piles at a bound: " + summary.piles().size());
      return measured(dataSet, set, "shifter", allPlausible, shifted.table(), shifted.report(), real, plainRows,
          realValues, plainValues, plainTv, seconds, note);
    } catch (ShifterException e) {
      return failed(dataSet, set, "shifter", allPlausible, seconds(start), e);
    }
  }

  private static SuiteResult tilt(SuiteDataSet dataSet, TargetSet set, Targets targets, boolean allPlausible,
      LoadedGenerator generator, MetaFeatureRegistry registry, Table real, Table plainRows, RealMetaFeatures realValues,
      Map<String, Double> plainValues, Map<String, Double> plainTv, BufferAllocator allocator) {
    long start = System.nanoTime();
    try (TiltedTable tilted = TiltGenerator.builder().setGenerator(generator).setTargets(targets)
        .optRegistry(registry).build().generate(allocator, real.rowCount(), GENERATE_SEED)) {
      double seconds = seconds(start);
      String note = String.format(Locale.ROOT, "effective sample size %.0f of %,d (%.1f x n)",
          tilted.effectiveSampleSize(), tilted.poolRows(), tilted.effectiveSampleSize() / real.rowCount());
      return measured(dataSet, set, "tilt", allPlausible, tilted.table(), tilted.report(), real, plainRows,
          realValues, plainValues, plainTv, seconds, note);
    } catch (ShifterException e) {
      return failed(dataSet, set, "tilt", allPlausible, seconds(start), e);
    }
  }

  private static SuiteResult measured(SuiteDataSet dataSet, TargetSet set, String method, boolean allPlausible,
      Table table, List<TargetReport> report, Table real, Table plainRows, RealMetaFeatures realValues,
      Map<String, Double> plainValues, Map<String, Double> plainTv, double seconds, String note) {
    List<SuiteResult.Entry> entries = new ArrayList<>();
    for (int i = 0; i < set.rules().size(); i++) {
      TargetRule rule = set.rules().get(i);
      TargetReport line = report.get(i);
      entries.add(new SuiteResult.Entry(rule.label(), rule.describe(), rule.plausible(),
          realValues.value(rule.label()), line.target(), plainValues.getOrDefault(rule.label(), Double.NaN),
          line.reached(), line.tolerance(), line.withinTolerance()));
    }
    QualityReport quality = quality(real, table);
    double worstDrop = 0;
    for (Map.Entry<String, Double> column : quality.marginals().tvComplements().entrySet()) {
      worstDrop = Math.max(worstDrop, plainTv.getOrDefault(column.getKey(), column.getValue()) - column.getValue());
    }
    return new SuiteResult(dataSet.name(), set.id(), allPlausible, method, entries, quality.detection().score(),
        forest(real, table), boundExcess(real, real, table), boundExcess(real, plainRows, table), worstDrop, seconds,
        note);
  }

  private static SuiteResult failed(SuiteDataSet dataSet, TargetSet set, String method, boolean allPlausible,
      double seconds, ShifterException e) {
    String message = String.valueOf(e.getMessage());
    return new SuiteResult(dataSet.name(), set.id(), allPlausible, method, List.of(), Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, seconds, "FAILED: " + message.substring(0, Math.min(160, message.length())));
  }

  private static Targets targets(TargetSet set, RealMetaFeatures real) {
    List<TargetEntry> entries = new ArrayList<>();
    for (TargetRule rule : set.rules()) {
      entries.add(TargetEntry.fixed(rule.feature(), rule.key(), rule.target(real.value(rule.label()),
          real.sd(rule.label()))));
    }
    return Targets.of(entries);
  }


  private static QualityReport quality(Table real, Table synthetic) {
    return QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).optSeed(GENERATE_SEED).build().evaluate();
  }

  private static double forest(Table real, Table synthetic) {
    return QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).optSeed(GENERATE_SEED).build()
        .forestDetection().auc();
  }

  /**
   * The largest excess share of generated rows at a continuous column's smallest or largest real value:
   * {@code share(generated at the bound) - share(reference at the bound)}, over every column and both
   * bounds.
   */
  static double boundExcess(Table real, Table reference, Table generated) {
    double worst = 0;
    for (ColumnSpec column : real.columns()) {
      if (column.kind() != ColumnKind.CONTINUOUS) {
        continue;
      }
      double[] values = values(real.continuous(column.name()));
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      double[] made = values(generated.continuous(column.name()));
      double[] base = values(reference.continuous(column.name()));
      double low = min;
      double high = max;
      worst = Math.max(worst, share(made, v -> v <= low) - share(base, v -> v <= low));
      worst = Math.max(worst, share(made, v -> v >= high) - share(base, v -> v >= high));
    }
    return worst;
  }

  private static double[] values(Float8Vector vector) {
    List<Double> present = new ArrayList<>();
    for (int i = 0; i < vector.getValueCount(); i++) {
      if (!vector.isNull(i) && !Double.isNaN(vector.get(i))) {
        present.add(vector.get(i));
      }
    }
    return present.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double share(double[] values, Predicate<Double> test) {
    if (values.length == 0) {
      return 0;
    }
    int count = 0;
    for (double v : values) {
      count += test.test(v) ? 1 : 0;
    }
    return (double) count / values.length;
  }

  private static void write(Path dir, String markdown, List<SuiteResult> results) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("results.md"), markdown, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("entries.csv"), SuiteReport.entriesCsv(results), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("sets.csv"), SuiteReport.setsCsv(results), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Options parse(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException(USAGE);
    }
    boolean quick = false;
    List<String> dataSets = List.of();
    List<String> sets = List.of();
    List<String> methods = List.of("shifter", "tilt");
    @Nullable Path config = null;
    for (int i = 3; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--datasets" -> dataSets = List.of(value(args, ++i).split(","));
        case "--sets" -> sets = List.of(value(args, ++i).split(","));
        case "--methods" -> methods = List.of(value(args, ++i).split(","));
        case "--config" -> config = Path.of(value(args, ++i));
        default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'. " + USAGE);
      }
    }
    return new Options(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), quick, dataSets, sets, methods, config);
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value. " + USAGE);
    }
    return args[index];
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void emit(PrintStream out, StringBuilder markdown, String text) {
    out.print(text);
    out.flush();
    markdown.append(text);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
