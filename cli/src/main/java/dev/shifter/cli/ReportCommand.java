package dev.shifter.cli;

import dev.shifter.api.Table;
import dev.shifter.io.ReadOptions;
import dev.shifter.report.Report;
import dev.shifter.report.ReportSummary;
import dev.shifter.shift.TargetEntry;
import dev.shifter.shift.Targets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shifter report}: one self-contained HTML file comparing a real table with a synthetic one and,
 * optionally, a shifted one, built by {@link Report}. The real file is read with the
 * {@code --discrete}/{@code --continuous} kinds, the other files with the real file's kinds.
 */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Write an HTML report that compares a real table with a synthetic one (and a shifted one).",
        "", "One self-contained file (plots embedded as PNG, no script, nothing loaded from elsewhere) with: an "
        + "overview; per continuous column, the real, synthetic and shifted histograms overlaid; per categorical "
        + "column, bar charts of the category shares; Pearson correlation heatmaps of each table and of their "
        + "differences to the real one; the meta-feature table (each target entry in every table, the target, and "
        + "whether the shifted table is within tolerance; without targets, the core meta-features of each "
        + "continuous column); the quality figures of 'shifter evaluate'; and, with --model or --shifter, the "
        + "training-loss curves.",
        "", "Prints the report's path on standard output when done."},
    footer = {"", "Examples:",
        "  shifter report --real adult.csv --synthetic synth.csv --out report.html",
        "  shifter report --real adult.csv --synthetic synth.csv --shifted shifted.csv \\",
        "      --target target.json --label income --model models/adult \\",
        "      --shifter shifters/adult-age --out report.html",
        "  shifter report --real data.csv --discrete grade --synthetic synth.csv \\",
        "      --title 'Grades, run 3' --out runs/3/report.html",
        "", "Exit codes: 0 done, 1 internal error, 2 bad usage, 3 bad input, 4 plug-in failure."})
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--real", required = true, paramLabel = "FILE",
      description = "The real table: .csv, .arrow, .feather, .ipc or .parquet.")
  @Nullable Path real;

  @Option(names = "--synthetic", required = true, paramLabel = "FILE",
      description = "The synthetic table (the plain CTGAN sample), with the real table's columns.")
  @Nullable Path synthetic;

  @Option(names = "--shifted", paramLabel = "FILE",
      description = "The shifted table (the Shifter's output), with the real table's columns.")
  @Nullable Path shifted;

  @Option(names = "--target", paramLabel = "FILE",
      description = "Targets to show in the meta-feature table: {\"feature\": {\"column\": value}} (a [low, high] "
          + "range is accepted too). Default: the targets of --shifter, if given; else the core meta-features of "
          + "each continuous column are shown.")
  @Nullable Path target;

  @Option(names = "--label", paramLabel = "COLUMN",
      description = "A categorical column to predict: adds the machine-learning efficacy to the quality section.")
  @Nullable String label;

  @Option(names = "--model", paramLabel = "DIR",
      description = "The CTGAN model directory (from 'shifter fit'): adds its per-epoch loss curves.")
  @Nullable Path model;

  @Option(names = "--shifter", paramLabel = "DIR",
      description = "The Shifter directory (from 'shifter train'): adds its loss curve; its tolerances decide "
          + "'within tolerance'.")
  @Nullable Path shifter;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The HTML file to write (replaced atomically if it exists); its folder must exist.")
  @Nullable Path out;

  @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Shifter report",
      description = "The page title (default: ${DEFAULT-VALUE}).")
  String title = "Shifter report";

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of the quality evaluation and of the resampling behind each target's sampling noise "
          + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin
  ColumnKindOptions columnKinds;

  @Mixin
  PluginOptions plugins;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Diagnostics diagnostics = Diagnostics.of(spec);
    Path realFile = Objects.requireNonNull(real);
    Path syntheticFile = Objects.requireNonNull(synthetic);
    Path outFile = Objects.requireNonNull(out);
    @Nullable Targets targets = target == null ? null : readTargets(target);
    ReadOptions options = columnKinds.readOptions();
    try (LoadedPlugins loaded = plugins.load(diagnostics);
        BufferAllocator allocator = new RootAllocator();
        Table realTable = TableReading.read(realFile, allocator, options, diagnostics);
        Table syntheticTable = TableReading.readLike(syntheticFile, allocator, realTable, options,
            diagnostics);
        @Nullable Table shiftedTable = shifted == null ? null
            : TableReading.readLike(shifted, allocator, realTable, options, diagnostics)) {
      Report.Builder builder = Report.builder().setReal(realTable).setSynthetic(syntheticTable)
          .optRegistry(loaded.registry()).optTitle(title).optSubtitle(subtitle(realFile, syntheticFile))
          .optSeed(seed);
      if (shiftedTable != null) {
        builder.optShifted(shiftedTable);
      }
      if (targets != null) {
        builder.optTargets(targets);
      }
      if (label != null) {
        builder.optLabel(label);
      }
      if (model != null) {
        builder.optCtganModel(model);
      }
      if (shifter != null) {
        builder.optShifterDir(shifter);
      }
      ReportSummary summary = builder.build().write(outFile);
      diagnostics.note("wrote the report: " + summary.sections().size() + " sections, " + summary.images()
          + " images" + (summary.targetEntries() == 0 || shiftedTable == null ? "" : ", "
          + summary.targetsWithinTolerance() + " of " + summary.targetEntries() + " target entries within tolerance")
          + ".");
      spec.commandLine().getOut().println(outFile);
      return ExitCode.OK.code();
    }
  }

  /** Reads fixed targets, or a range when the file has intervals. */
  private static Targets readTargets(Path file) {
    Targets read = Targets.readRange(file);
    return read.entries().stream().allMatch(TargetEntry::isFixed) ? Targets.of(read.entries()) : read;
  }

  private String subtitle(Path realFile, Path syntheticFile) {
    List<String> parts = new ArrayList<>(List.of("real: " + realFile.getFileName(),
        "synthetic: " + syntheticFile.getFileName()));
    if (shifted != null) {
      parts.add("shifted: " + shifted.getFileName());
    }
    return String.join("  \u00b7  ", parts);
  }
}
