package dev.shifter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import dev.shifter.eval.QualityEvaluator;
import dev.shifter.io.Tables;
import dev.shifter.shift.GeneratorLoaders;
import dev.shifter.shift.LoadedGenerator;
import dev.shifter.shift.ShiftedTable;
import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.ShifterTrainer;
import dev.shifter.shift.TargetEntry;
import dev.shifter.shift.TargetReport;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TrainedShifter;
import dev.shifter.shift.TrainingSummary;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;

/**
 * The Shifter's accuracy and speed on UCI Adult (issue 4): for each of 22 fixed target sets
 * ({@link AdultTargetSets}), trains a Shifter with the default settings against a CTGAN fitted by
 * {@code bench-ctgan-adult.sh}, generates a shifted table as large as the training split, and reports
 * per entry the target, the value reached, the unshifted CTGAN's value with the same noise and both
 * relative errors, and per set the detection score of the shifted and of the unshifted table against
 * the real training rows. Then times training steps for 1, 3 and 6 targeted entries.
 *
 * <p>The real data is the 80 % training split of {@code adult.csv} (stratified by {@code income},
 * seed and split as in {@link CtganAdultBench}), i.e. the rows the CTGAN was fitted on: the targets
 * are derived from it, and it is the real side of the detection score.
 *
 * <p>Usage: {@code ShifterAdultBench ADULT.csv MODEL_DIR OUT_DIR [--quick] [--config FILE] [--sets IDS]}.
 * {@code --quick} runs 3 sets with at most {@value #QUICK_STEPS} steps and a short speed run, to check
 * the benchmark works. {@code --config FILE} trains every Shifter with the settings of a Shifter config
 * file (the JSON of {@code shifter train --config}, e.g. {@code {"lambda_critic": 0.1}}) over the
 * defaults; the training seed stays the benchmark's, and {@code --quick} still caps the steps.
 * {@code --sets S04,S07} runs only those target sets and skips the speed runs (a partial run, to compare
 * settings on a few sets). A benchmark is a command-line program, so it prints its tables to standard
 * output; it also writes them to {@code OUT_DIR} as {@code results.md} and CSV files.
 */
public final class ShifterAdultBench {
  /** The seed of every Shifter's training. */
  private static final long TRAIN_SEED = 7L;
  /** The seed of the generated tables' noise (shifted and unshifted alike). */
  private static final long GENERATE_SEED = 11L;
  private static final int BOOTSTRAP = 200;
  private static final int QUICK_BOOTSTRAP = 50;
  private static final int QUICK_STEPS = 300;
  private static final int SPEED_STEPS = 300;
  private static final int QUICK_SPEED_STEPS = 60;
  private static final List<String> FEATURES = List.of("mean", "sd", "skewness", "median", "iq_range", "cor");
  private static final String USAGE =
      "Usage: ShifterAdultBench ADULT.csv MODEL_DIR OUT_DIR [--quick] [--config FILE] [--sets S04,S07]";

  private ShifterAdultBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args the Adult CSV, the CTGAN model directory, the output directory, optionally {@code --quick}
   */
  public static void main(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException(USAGE);
    }
    Path data = Path.of(args[0]);
    Path modelDir = Path.of(args[1]);
    Path outDir = Path.of(args[2]);
    boolean quick = false;
    @Nullable Path configFile = null;
    List<String> chosen = List.of();
    for (int i = 3; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> quick = true;
        case "--config" -> configFile = Path.of(value(args, ++i));
        case "--sets" -> chosen = List.of(value(args, ++i).split(","));
        default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'. " + USAGE);
      }
    }
    long start = System.nanoTime();
    PrintStream out = System.out;
    MetaFeatureRegistry registry = MetaFeatureRegistry.loadInstalled();
    List<RegisteredMetaFeature> features = registry.select(FEATURES);
    ShifterConfig base = configFile == null ? ShifterConfig.defaults() : ShifterConfig.read(configFile);
    ShifterConfig config = quick ? base.toBuilder().optSeed(TRAIN_SEED).optSteps(Math.min(QUICK_STEPS, base.steps()))
        .build() : base.toBuilder().optSeed(TRAIN_SEED).build();
    String settings = configFile == null ? "Shifter defaults" : "Shifter settings of " + configFile + " over the "
        + "defaults (" + changedSettings(config) + ")";
    List<TargetSet> sets = chosen(quick ? AdultTargetSets.quick() : AdultTargetSets.all(), chosen);
    boolean partial = !chosen.isEmpty();
    StringBuilder markdown = new StringBuilder();

    try (BufferAllocator allocator = new RootAllocator(); Table adult = Tables.read(data, allocator)) {
      int[][] split = AdultSplit.trainTest(adult, "income", 0.2, CtganAdultBench.SEED);
      try (Table train = adult.takeRows(allocator, split[0]);
          LoadedGenerator generator = GeneratorLoaders.load(modelDir)) {
        int rows = train.rowCount();
        String head = String.format(Locale.ROOT, "# Shifter on Adult%s%n%nModel %s; real = the training split "
            + "(%d rows, the CTGAN's own training rows); %d target sets; %s (at most %d steps, %d rows "
            + "per step), training seed %d; generated tables of %d rows, seed %d; threads %s; %d cores, load "
            + "average %.2f at the start.%n", quick ? " (quick mode)" : partial ? " (partial run: sets "
            + String.join(", ", chosen) + ")" : "", modelDir, rows, sets.size(), settings, config.steps(),
            config.trainSamples(), TRAIN_SEED, rows, GENERATE_SEED,
            System.getProperty("ai.djl.pytorch.num_threads", "?"), Runtime.getRuntime().availableProcessors(),
            loadAverage());
        emit(out, markdown, head);

        long bootStart = System.nanoTime();
        RealMetaFeatures real = RealMetaFeatures.measure(train, features, quick ? QUICK_BOOTSTRAP : BOOTSTRAP,
            CtganAdultBench.SEED);
        emit(out, markdown, String.format(Locale.ROOT, "%n## Real meta-features of the training split%n%n%s%n"
            + "(bootstrap: %.1f s)%n", BenchReport.realTable(real, sets), seconds(bootStart)));

        GeneratorAdapter adapter = generator.adapter();
        for (TargetSet set : concat(AdultTargetSets.all(), AdultTargetSets.speed())) {
          // Every set, in quick mode too: fails now, not after half an hour, if a fixed target is near zero,
          // impossible, or names a missing column.
          targets(set, real).validate(registry, adapter.continuousColumns());
        }
        double unshiftedDetection;
        Map<String, Double> unshiftedValues;
        try (Table unshifted = PlainTables.generate(adapter, allocator, rows, GENERATE_SEED)) {
          unshiftedDetection = detection(train, unshifted);
          unshiftedValues = PlainTables.measure(unshifted, features);
        }
        emit(out, markdown, String.format(Locale.ROOT, "%nDetection score of the unshifted CTGAN table vs real: "
            + "%.3f%n%n## Target sets%n", unshiftedDetection));

        List<SetResult> results = new ArrayList<>();
        double worstMismatch = 0;
        for (TargetSet set : sets) {
          SetResult result = run(set, real, generator, config, allocator, train, unshiftedDetection);
          results.add(result);
          worstMismatch = Math.max(worstMismatch, mismatch(result, unshiftedValues));
          emit(out, markdown, "\n" + BenchReport.setTable(result));
        }
        emit(out, markdown, String.format(Locale.ROOT, "%nUnshifted table of the detection score vs the Shifter's "
            + "own unshifted values: largest relative difference %.2g%s.%n", worstMismatch, worstMismatch > 1e-3
            ? " (WARNING: its noise differs from the shifted table's; the shifter module's seeding changed)"
            : " (same noise)"));

        List<SpeedResult> speed = new ArrayList<>();
        if (!partial) {
          emit(out, markdown, "\n## Speed: training steps per second against the number of targeted entries\n\n");
          for (TargetSet set : AdultTargetSets.speed()) {
            speed.add(speed(set, real, generator, config, quick ? QUICK_SPEED_STEPS : SPEED_STEPS));
          }
          emit(out, markdown, BenchReport.speedTable(speed, config.trainSamples()));
          emit(out, markdown, String.format(Locale.ROOT, "%nLoad average after the speed runs: %.2f (timings are "
              + "comparable only on an otherwise idle machine).%n", loadAverage()));
        }

        emit(out, markdown, "\n## Summary\n\n" + BenchReport.summary(results, rows, seconds(start)));
        BenchReport.write(outDir, real, results, speed, markdown.toString());
        out.printf(Locale.ROOT, "%nWrote results.md, entries.csv, sets.csv, speed.csv and real-metafeatures.csv to "
            + "%s%n", outDir);
      }
    }
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value. " + USAGE);
    }
    return args[index];
  }

  private static List<TargetSet> chosen(List<TargetSet> sets, List<String> ids) {
    if (ids.isEmpty()) {
      return sets;
    }
    List<String> known = sets.stream().map(TargetSet::id).toList();
    for (String id : ids) {
      if (!known.contains(id)) {
        throw new IllegalArgumentException("Unknown target set '" + id + "'. Known: " + String.join(", ", known)
            + ".");
      }
    }
    return sets.stream().filter(s -> ids.contains(s.id())).toList();
  }

  /** The settings that differ from the defaults, besides the seed, as {@code key value} pairs. */
  private static String changedSettings(ShifterConfig config) {
    JsonNode defaults = new ObjectMapper().valueToTree(ShifterConfig.defaults());
    JsonNode given = new ObjectMapper().valueToTree(config);
    List<String> changed = new ArrayList<>();
    for (Iterator<String> names = given.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("seed") && !given.get(name).equals(defaults.get(name))) {
        changed.add(name + " " + given.get(name));
      }
    }
    return changed.isEmpty() ? "none changed" : String.join(", ", changed);
  }

  private static SetResult run(TargetSet set, RealMetaFeatures real, LoadedGenerator generator,
      ShifterConfig config, BufferAllocator allocator, Table train, double unshiftedDetection) {
    Targets targets = targets(set, real);
    StepTimer timer = new StepTimer();
    long trainStart = System.nanoTime();
    try (TrainedShifter shifter = ShifterTrainer.builder().setGenerator(generator).setTargets(targets)
        .optConfig(config).optListener(timer).build().train()) {
      TrainingSummary summary = shifter.summary().orElseThrow();
      long generateStart = System.nanoTime();
      try (ShiftedTable shifted = shifter.generate(allocator, train.rowCount(), GENERATE_SEED)) {
        double generateSeconds = seconds(generateStart);
        long detectionStart = System.nanoTime();
        double shiftedDetection = detection(train, shifted.table());
        double detectionSeconds = seconds(detectionStart);
        List<EntryResult> entries = new ArrayList<>();
        for (int i = 0; i < set.rules().size(); i++) {
          TargetRule rule = set.rules().get(i);
          TargetReport report = shifted.report().get(i);
          entries.add(new EntryResult(rule, real.value(rule.label()), real.sd(rule.label()), report));
        }
        String stop = summary.stopReason().name()
            + (summary.keptAnEarlierStep() ? " (kept the best evaluation, step " + summary.keptStep() + ")" : "");
        return new SetResult(set, entries, summary.steps(), stop, summary.seconds(),
            summary.stepsPerSecond(), timer.medianStepMillis(), generateSeconds, detectionSeconds,
            shiftedDetection, unshiftedDetection);
      }
    } catch (ShifterException e) {
      return new SetResult(set, List.of(), 0, "FAILED: " + e.getMessage(), seconds(trainStart), Double.NaN,
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, unshiftedDetection);
    }
  }

  private static SpeedResult speed(TargetSet set, RealMetaFeatures real, LoadedGenerator generator,
      ShifterConfig defaults, int steps) {
    // No early stop: every run takes exactly `steps` steps (the evaluations still run every evalEvery steps).
    ShifterConfig config = defaults.toBuilder().optSteps(steps).optStopWithin(1e-9).build();
    StepTimer timer = new StepTimer();
    long start = System.nanoTime();
    try (TrainedShifter shifter = ShifterTrainer.builder().setGenerator(generator).setTargets(targets(set, real))
        .optConfig(config).optListener(timer).build().train()) {
      double seconds = seconds(start);
      return new SpeedResult(set.rules().size(), shifter.steps(), timer.medianStepMillis(), shifter.steps() / seconds);
    }
  }

  private static List<TargetSet> concat(List<TargetSet> first, List<TargetSet> second) {
    List<TargetSet> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static Targets targets(TargetSet set, RealMetaFeatures real) {
    List<TargetEntry> entries = new ArrayList<>();
    for (TargetRule rule : set.rules()) {
      double target = rule.target(real.value(rule.label()), real.sd(rule.label()));
      entries.add(TargetEntry.fixed(rule.feature(), rule.key(), target));
    }
    return Targets.of(entries);
  }


  /** Returns the largest relative difference between the Shifter's unshifted values and our unshifted table's. */
  private static double mismatch(SetResult result, Map<String, Double> unshiftedValues) {
    double worst = 0;
    for (EntryResult entry : result.entries()) {
      Double ours = unshiftedValues.get(entry.rule().label());
      double theirs = entry.report().unshifted();
      double difference = ours == null ? Double.POSITIVE_INFINITY
          : Math.abs(ours - theirs) / Math.max(1e-9, Math.abs(theirs));
      worst = Math.max(worst, difference);
    }
    return worst;
  }

  /** The detection score as {@code shifter evaluate} computes it, with the benchmark's seed. */
  private static double detection(Table real, Table synthetic) {
    return QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).optSeed(CtganAdultBench.SEED).build()
        .evaluate().detection().score();
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
