package dev.shifter.cli;

import dev.shifter.io.Tables;
import dev.shifter.shift.GeneratorLoaders;
import dev.shifter.shift.LoadedGenerator;
import dev.shifter.shift.ModelReference;
import dev.shifter.shift.ShiftedTable;
import dev.shifter.shift.TargetReport;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TiltGenerator;
import dev.shifter.shift.TiltedTable;
import dev.shifter.shift.TrainedShifter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shifter generate}: generates a shifted table with a trained Shifter and the model it was
 * trained against (or, with {@code --method tilt}, by reweighting a pool of the model's rows, without
 * training), writes it, and prints for each target entry the target, the value reached, the unshifted
 * model's value, and whether it is within tolerance.
 */
@Command(name = "generate", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Generate a shifted table with a trained Shifter, or with the training-free reweighting baseline.",
        "", "The model is the one the Shifter was trained against (its recorded directory, or --model); a model "
        + "with another fingerprint is refused. The same --seed gives the same file.",
        "", "--method tilt needs no Shifter: it draws a pool of --pool-factor times -n rows from the model, finds the "
        + "maximum-entropy weights under which the pool has the targets (entropy balancing on moment conditions), "
        + "and resamples -n rows. It handles mean, sd, var, skewness, kurtosis, median, iq_range, cor, cov and "
        + "gaussian_mi, and refuses targets whose weights collapse (effective sample size below -n)."},
    footer = {"", "Examples:",
        "  shifter generate --shifter shifters/adult -n 20000 --seed 1 --out shifted.csv",
        "  shifter generate --shifter shifters/adult-range -n 20000 --target other.json --out other.csv",
        "  shifter generate --shifter shifters/adult -n 5000 --out shifted.arrow --format json > report.json",
        "  shifter generate --method tilt --model models/adult --target target.json -n 20000 --out tilted.csv",
        "", "Exit codes: 0 done, 1 internal error, 2 bad usage, 3 bad input, 4 plug-in failure."})
final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--shifter", paramLabel = "DIR",
      description = "The Shifter directory (required by --method shifter; with tilt it gives the model and targets).")
  @Nullable Path shifter;

  @Option(names = {"-n", "--rows"}, required = true, paramLabel = "N", converter = RowCount.class,
      description = "The number of rows, from 1 to 2,147,483,647 (the table is held in memory).")
  long rows;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The table to write: .csv, .arrow, .feather, .ipc or .parquet.")
  @Nullable Path out;

  @Option(names = "--target", paramLabel = "FILE",
      description = "Generate for these targets instead of the trained one: one value per trained entry, inside "
          + "the trained range. With --method tilt, the targets to reweight for.")
  @Nullable Path target;

  @Option(names = "--method", paramLabel = "shifter|tilt", defaultValue = "shifter",
      description = "shifter (default): the trained Shifter; tilt: reweight a pool of the model's rows, no training.")
  Method method = Method.SHIFTER;

  @Option(names = "--pool-factor", paramLabel = "K", defaultValue = "20",
      description = "With --method tilt: the pool holds K times -n rows (default ${DEFAULT-VALUE}).")
  int poolFactor;

  /** How the table is made. */
  enum Method {
    /** With a trained Shifter. */
    SHIFTER,
    /** By reweighting a pool of the model's rows. */
    TILT
  }

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--model", paramLabel = "DIR",
      description = "The model directory, if it moved since training (default: the recorded one).")
  @Nullable Path model;

  @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
      description = "Output format of the report: an aligned table (default) or JSON.")
  OutputFormat format = OutputFormat.TABLE;

  @Mixin
  PluginOptions plugins;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Diagnostics diagnostics = Diagnostics.of(spec);
    int count = RowCount.requireInMemory(spec, rows);
    Path outFile = Objects.requireNonNull(out);
    if (method == Method.TILT) {
      return tilt(count, outFile, diagnostics);
    }
    if (shifter == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option '--shifter=DIR' (or use --method tilt "
          + "with --model DIR and --target FILE, which needs no Shifter).");
    }
    Path shifterDir = shifter;
    @Nullable Targets wanted = target == null ? null : Targets.read(target);
    Path modelDir = model != null ? model : recordedModel(shifterDir);
    PrintWriter stdout = spec.commandLine().getOut();
    try (LoadedPlugins loaded = plugins.load(diagnostics);
        LoadedGenerator generator = GeneratorLoaders.load(modelDir);
        TrainedShifter trained = TrainedShifter.load(shifterDir, generator.adapter(), generator.model(),
            loaded.registry());
        BufferAllocator allocator = new RootAllocator()) {
      trained.warnings().forEach(diagnostics::warning);
      if (!trained.isComplete()) {
        diagnostics.note("the Shifter in " + shifterDir + " is a checkpoint taken at step " + trained.steps()
            + " (training did not finish); finish it with 'shifter train ... --resume'.");
      }
      try (ShiftedTable shifted = wanted == null ? trained.generate(allocator, count, seed)
          : trained.generate(allocator, count, seed, wanted)) {
        Tables.write(shifted.table(), outFile);
        if (format == OutputFormat.JSON) {
          TargetReportText.printJson(shifted.report(), count, outFile.toString(), stdout);
        } else {
          TargetReportText.printTable(shifted.report(), stdout);
        }
        warnMissed(shifted.report(), diagnostics, "train longer (--steps, --resume) or with smaller regularizer "
            + "weights.");
        diagnostics.note(String.format(Locale.ROOT, "wrote %,d rows to %s.", count, outFile));
      }
      return ExitCode.OK.code();
    }
  }

  private int tilt(int count, Path outFile, Diagnostics diagnostics) {
    if (target == null && shifter == null) {
      throw new ParameterException(spec.commandLine(), "--method tilt needs the targets: --target FILE (or --shifter "
          + "DIR, whose trained targets are used).");
    }
    if (model == null && shifter == null) {
      throw new ParameterException(spec.commandLine(), "--method tilt needs the model: --model DIR (or --shifter "
          + "DIR, whose recorded model is used).");
    }
    if (poolFactor < 2) {
      throw new ParameterException(spec.commandLine(), "--pool-factor must be at least 2, got " + poolFactor + ".");
    }
    Targets wanted = target != null ? Targets.read(target)
        : TrainedShifter.inspect(Objects.requireNonNull(shifter)).targets();
    Path modelDir = model != null ? model : recordedModel(Objects.requireNonNull(shifter));
    PrintWriter stdout = spec.commandLine().getOut();
    try (LoadedPlugins loaded = plugins.load(diagnostics);
        LoadedGenerator generator = GeneratorLoaders.load(modelDir);
        BufferAllocator allocator = new RootAllocator()) {
      TiltGenerator tilt = TiltGenerator.builder().setGenerator(generator).setTargets(wanted)
          .optRegistry(loaded.registry()).optPoolFactor(poolFactor).build();
      try (TiltedTable tilted = tilt.generate(allocator, count, seed)) {
        Tables.write(tilted.table(), outFile);
        if (format == OutputFormat.JSON) {
          TargetReportText.printJson(tilted.report(), count, outFile.toString(), stdout);
        } else {
          TargetReportText.printTable(tilted.report(), stdout);
        }
        diagnostics.note(String.format(Locale.ROOT, "tilt: the weights of the %,d-row pool have an effective sample "
            + "size of %,.0f (%.1f %% of the pool, %.1f times -n).", tilted.poolRows(), tilted.effectiveSampleSize(),
            100 * tilted.effectiveSampleSize() / tilted.poolRows(), tilted.effectiveSampleSize() / count));
        warnMissed(tilted.report(), diagnostics, "a larger pool (--pool-factor) may help; a Shifter can go further.");
        diagnostics.note(String.format(Locale.ROOT, "wrote %,d rows to %s.", count, outFile));
      }
      return ExitCode.OK.code();
    }
  }

  private static void warnMissed(List<TargetReport> report, Diagnostics diagnostics, String advice) {
    long missed = report.stream().filter(r -> !r.withinTolerance()).count();
    if (missed > 0) {
      diagnostics.warning(missed + " of " + report.size() + " target entries are outside their tolerance; " + advice);
    }
  }

  private Path recordedModel(Path shifterDir) {
    ModelReference recorded = TrainedShifter.trainedModel(shifterDir);
    if (recorded.location().isEmpty()) {
      throw new ParameterException(spec.commandLine(), "the Shifter in " + shifterDir + " does not record where its "
          + "model is. Give it with --model DIR.");
    }
    return Path.of(recorded.location());
  }
}
