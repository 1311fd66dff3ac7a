package dev.shifter.cli;

import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.SweepGrid;
import dev.shifter.sweep.Sweep;
import dev.shifter.sweep.SweepRecord;
import dev.shifter.sweep.SweepResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shifter sweep}: one range Shifter over a grid's box, one table per grid point, and a manifest of
 * what each table reached ({@link Sweep}).
 */
@Command(name = "sweep", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Make a family of tables whose meta-features run over a grid: one Shifter trained on the grid's "
        + "whole range, then one table per point, with manifest.csv (requested and reached values per point) and "
        + "sweep.html (requested against reached, as scatter plots).",
        "", "The grid gives [low, high, steps] per target entry, in the shape of a target file: "
        + "{\"cor\": {\"age~hours-per-week\": [0.1, 0.6, 6]}, \"freq\": {\"income=>50K\": [0.2, 0.5, 4]}} makes "
        + "the 24 points of the full product; --design lhs --count N takes a Latin hypercube over the ranges "
        + "instead. Run the same command again to resume an interrupted sweep."},
    footer = {"", "Examples:",
        "  shifter sweep --model models/adult --grid grid.json --out sweeps/adult --data adult.csv",
        "  shifter sweep --model models/adult --grid grid.json --design lhs --count 200 --out sweeps/lhs",
        "", "Exit codes: 0 done, 1 internal error, 2 bad usage, 3 bad input, 4 plug-in failure."})
final class SweepCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The CTGAN model directory.")
  @Nullable Path model;

  @Option(names = "--grid", required = true, paramLabel = "FILE",
      description = "The grid: {\"feature\": {\"column\": [low, high, steps]}}.")
  @Nullable Path grid;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The sweep's folder: new, empty, or holding this sweep (which then resumes).")
  @Nullable Path out;

  @Option(names = "--design", paramLabel = "grid|lhs", defaultValue = "grid",
      description = "grid (default): every combination of the steps; lhs: a Latin hypercube of --count points.")
  String design = "grid";

  @Option(names = "--count", paramLabel = "N", description = "With --design lhs: the number of points.")
  @Nullable Integer count;

  @Option(names = {"-n", "--rows"}, paramLabel = "N", defaultValue = "10000",
      description = "Rows of each table (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of the training, the hypercube and the tables (point i: seed + i; default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--shifter", paramLabel = "DIR",
      description = "A trained range Shifter whose range holds the grid (default: train one into OUT/shifter).")
  @Nullable Path shifter;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The range Shifter's settings as a JSON file, as for 'shifter train --config' (snake_case keys).")
  @Nullable Path config;

  @Option(names = "--steps", paramLabel = "N", description = "The range Shifter's most training steps (default 2000; "
      + "overrides --config).")
  @Nullable Integer steps;

  @Option(names = "--refine",
      description = "Train a Shifter of its own for every point the range Shifter leaves outside its tolerance, and "
          + "keep the closer table (one fixed training per such point; manifest column made_by).")
  boolean refine;

  @Option(names = "--format", paramLabel = "csv|arrow|parquet", defaultValue = "csv",
      description = "The tables' format: csv (default), arrow, feather, ipc or parquet.")
  String format = "csv";

  @Option(names = "--label", paramLabel = "COLUMN",
      description = "The categorical column that class-aware meta-features of the grid take as the class.")
  @Nullable String label;

  @Option(names = "--data", paramLabel = "FILE",
      description = "The real data: each table's detection score against it goes into the manifest.")
  @Nullable Path data;

  @Mixin
  ProgressOptions progress;

  @Mixin
  PluginOptions plugins;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Diagnostics diagnostics = Diagnostics.of(spec);
    SweepGrid parsed = SweepGrid.read(Objects.requireNonNull(grid));
    Sweep.Builder builder = Sweep.builder().setModel(Objects.requireNonNull(model)).setGrid(parsed)
        .setOutput(Objects.requireNonNull(out)).optRows(rows).optSeed(seed).optFormat(format).optRefine(refine);
    switch (design) {
      case "grid" -> {
        if (count != null) {
          throw new ParameterException(spec.commandLine(), "--count goes with --design lhs; a grid's points are "
              + "the product of its steps.");
        }
      }
      case "lhs" -> {
        if (count == null || count < 1) {
          throw new ParameterException(spec.commandLine(), "--design lhs needs --count N, the number of points (at "
              + "least 1).");
        }
        builder.optLatinHypercube(count, seed);
      }
      default -> throw new ParameterException(spec.commandLine(), "--design must be grid or lhs, got '" + design
          + "'.");
    }
    if (rows < 1) {
      throw new ParameterException(spec.commandLine(), "--rows must be at least 1, got " + rows + ".");
    }
    if (shifter != null) {
      builder.optShifter(shifter);
    }
    ShifterConfig settings = config != null ? ShifterConfig.read(config) : ShifterConfig.defaults();
    if (steps != null) {
      settings = settings.toBuilder().optSteps(steps).build();
    }
    builder.optShifterConfig(settings);
    if (label != null) {
      builder.optLabel(label);
    }
    if (data != null) {
      builder.optRealData(data);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    try (LoadedPlugins loaded = plugins.load(diagnostics);
        SweepProgress display = new SweepProgress(stderr, progress.mode)) {
      builder.optRegistry(loaded.registry()).optTrainingListener(display);
      builder.optListener((record, done, total) -> {
        display.close();
        if (progress.mode != ProgressMode.NONE) {
          stderr.println(String.format(Locale.ROOT, "point %d/%d: %s, worst relative error %.2f %%%s", done, total,
              record.file(), 100 * record.worstRelativeError(), record.withinTolerance() ? "" : " (outside tolerance)"));
          stderr.flush();
        }
      });
      SweepResult result = builder.build().run();
      printSummary(result, stdout);
      diagnostics.note(String.format(Locale.ROOT, "wrote %d tables, %s and %s to %s in %.1f s (Shifter %.1f s).",
          result.records().size(), Sweep.MANIFEST, Sweep.PAGE, result.output(), result.totalSeconds(),
          result.trainingSeconds()));
      return ExitCode.OK.code();
    }
  }

  private static void printSummary(SweepResult result, PrintWriter out) {
    out.println(String.format(Locale.ROOT, "%d points: median of the worst entry's relative error %.2f %%, worst "
        + "%.2f %%; %d with every entry within tolerance.", result.records().size(),
        100 * result.medianWorstRelativeError(), 100 * result.worstRelativeError(), result.withinTolerance()));
    double[] detection = result.records().stream().map(SweepRecord::detection).filter(OptionalDouble::isPresent)
        .mapToDouble(OptionalDouble::getAsDouble).toArray();
    if (detection.length > 0) {
      out.println(String.format(Locale.ROOT, "detection score against the data: mean %.3f, lowest %.3f.",
          Arrays.stream(detection).average().orElse(Double.NaN),
          Arrays.stream(detection).min().orElse(Double.NaN)));
    }
    out.flush();
  }
}
