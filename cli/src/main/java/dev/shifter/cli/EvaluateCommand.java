package dev.shifter.cli;

import dev.shifter.api.Table;
import dev.shifter.eval.QualityEvaluator;
import dev.shifter.eval.QualityReport;
import dev.shifter.io.ReadOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * {@code shifter evaluate}: the quality of a synthetic table against a real one, computed by
 * {@link QualityEvaluator}. The real file is read with the {@code --discrete}/{@code --continuous}
 * kinds; the synthetic and real test files are then read with the real file's kinds, so that the
 * same column is never continuous in one file and categorical in the other.
 */
@Command(name = "evaluate", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Measure the quality of a synthetic table against a real one.",
        "", "Prints the detection score (1 = a logistic regression cannot tell them apart), the KS complement of each continuous column and the TV "
        + "complement of each categorical column (1 = same distribution), and with --label the machine-learning "
        + "efficacy (accuracy and F1 on real test rows of classifiers trained on the synthetic rows, beside the "
        + "same classifiers trained on real rows)."},
    footer = {"", "Examples:",
        "  shifter evaluate --real adult.csv --synthetic synth.csv",
        "  shifter evaluate --real train.csv --synthetic synth.csv --label income --real-test test.csv",
        "  shifter evaluate --real adult.csv --synthetic shifted.csv --format json > quality.json",
        "", "Exit codes: 0 done, 1 internal error, 2 bad usage, 3 bad input."})
final class EvaluateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--real", required = true, paramLabel = "FILE",
      description = "The real table: .csv, .arrow, .feather, .ipc or .parquet.")
  @Nullable Path real;

  @Option(names = "--synthetic", required = true, paramLabel = "FILE",
      description = "The synthetic table, with the real table's columns.")
  @Nullable Path synthetic;

  @Option(names = "--label", paramLabel = "COLUMN",
      description = "A categorical column to predict: adds the machine-learning efficacy.")
  @Nullable String label;

  @Option(names = "--real-test", paramLabel = "FILE",
      description = "Real rows to test the classifiers on (with --label). Default: a stratified 20 %% of the real "
          + "table is held out, and the real baseline trains on the other 80 %%.")
  @Nullable Path realTest;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of the folds, the held-out split and the classifiers (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
      description = "Output format: aligned tables (default) or JSON.")
  OutputFormat format = OutputFormat.TABLE;

  @Mixin
  ColumnKindOptions columnKinds;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Diagnostics diagnostics = Diagnostics.of(spec);
    Path realFile = Objects.requireNonNull(real);
    Path syntheticFile = Objects.requireNonNull(synthetic);
    Path testFile = realTest;
    if (testFile != null && label == null) {
      diagnostics.warning("--real-test is used only for the machine-learning efficacy, which needs --label; "
          + "it was ignored.");
      testFile = null;
    }
    ReadOptions options = columnKinds.readOptions();
    PrintWriter out = spec.commandLine().getOut();
    try (BufferAllocator allocator = new RootAllocator();
        Table realTable = TableReading.read(realFile, allocator, options, diagnostics);
        Table syntheticTable = TableReading.readLike(syntheticFile, allocator, realTable, options,
            diagnostics);
        @Nullable Table testTable = testFile == null ? null
            : TableReading.readLike(testFile, allocator, realTable, options, diagnostics)) {
      QualityEvaluator.Builder builder = QualityEvaluator.builder().setReal(realTable).setSynthetic(syntheticTable)
          .optSeed(seed);
      if (label != null) {
        builder.optLabel(label);
      }
      if (testTable != null) {
        builder.optRealTest(testTable);
      }
      QualityReport report = builder.build().evaluate();
      if (format == OutputFormat.JSON) {
        EvaluationJson.print(report, out);
      } else {
        EvaluationText.print(report, realFile, syntheticFile, testFile, out);
      }
      return ExitCode.OK.code();
    }
  }
}
