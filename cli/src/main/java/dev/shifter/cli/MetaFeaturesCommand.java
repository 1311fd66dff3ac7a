package dev.shifter.cli;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.MetaFeatureValues;
import dev.shifter.api.PluginException;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.Table;
import dev.shifter.io.Tables;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shifter metafeatures}: computes meta-features of a table's continuous columns, or lists the
 * installed ones.
 *
 * <p>Rows with a missing value in a continuous column are left out, and a note on standard error says
 * how many. A feature that fails to compute is reported on standard error and left out of the output.
 * The exit code is then still 0 when the feature was not named in {@code --features} and other
 * features were computed; when it was named, or when nothing could be computed, the exit code is that
 * of the failure ({@link ExitCode#PLUGIN} or {@link ExitCode#INPUT}), after the other features have
 * been printed.
 */
@Command(name = "metafeatures", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Compute meta-features of the continuous columns of a table (CSV or Arrow IPC), or list the "
        + "installed meta-features.",
    footer = {"", "Examples:",
        "  shifter metafeatures --data iris.csv",
        "  shifter metafeatures --data adult.csv --features mean,skewness,cor --format json > adult.json",
        "  shifter metafeatures --data adult.csv --label income --features freq,class_ent,mut_inf",
        "  shifter metafeatures --list",
        "  shifter metafeatures --data my.csv --plugins ~/shifter-plugins --features my_feature",
        "", "Exit codes: 0 done, 1 internal error, 2 bad usage, 3 bad input, 4 plug-in failure."})
final class MetaFeaturesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--data", paramLabel = "FILE", description = "The table: .csv, .arrow, .feather, .ipc or .parquet.")
  @Nullable Path data;

  @Option(names = "--features", split = ",", paramLabel = "NAME",
      description = "The meta-features to compute, in this order (default: all installed).")
  List<String> features = new ArrayList<>();

  @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
      description = "Output format: an aligned table (default) or JSON {\"feature\": {\"column\": value}}.")
  OutputFormat format = OutputFormat.TABLE;

  @Option(names = "--label", paramLabel = "COLUMN",
      description = "The label column (the class): class-aware features such as class_ent, mut_inf and f1 need "
          + "it, and it is left out of the attributes.")
  @Nullable String label;

  @Option(names = "--list", description = "List the installed meta-features instead of computing any.")
  boolean list;

  @Mixin
  ColumnKindOptions columnKinds;

  @Mixin
  PluginOptions plugins;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Diagnostics diagnostics = Diagnostics.of(spec);
    if (!list && data == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option '--data=FILE' (or use --list to "
          + "see the installed meta-features).");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (LoadedPlugins loaded = plugins.load(diagnostics)) {
      if (list) {
        return list(loaded.registry(), out, diagnostics);
      }
      return compute(Objects.requireNonNull(data), loaded.registry(), out, diagnostics);
    }
  }

  private int compute(Path file, MetaFeatureRegistry registry, PrintWriter out, Diagnostics diagnostics) {
    List<RegisteredMetaFeature> selected = select(registry);
    try (BufferAllocator allocator = new RootAllocator();
        Table table = TableReading.read(file, allocator, columnKinds.readOptions(), diagnostics)) {
      Tables.requireContinuousColumns(table, file);
      MetaFeatureValues outcome = MetaFeatureValues.of(table, selected, label);
      if (!outcome.needLabel().isEmpty()) {
        if (!features.isEmpty()) {
          throw new ParameterException(spec.commandLine(), "--features " + String.join(",", outcome.needLabel())
              + ": " + (outcome.needLabel().size() == 1 ? "this feature needs" : "these features need")
              + " the label column (the class). Name it with --label COLUMN.");
        }
        diagnostics.note(outcome.needLabel().size() + " class-aware meta-features were left out ("
            + String.join(", ", outcome.needLabel()) + "): name the label column with --label COLUMN to compute "
            + "them.");
      }
      if (outcome.columns().isEmpty()) {
        throw new InvalidInputException(EmptyColumns.describe(outcome.emptyColumns(), table.rowCount(), file)
            + " the only continuous column" + (outcome.emptyColumns().size() == 1 ? "" : "s") + ", so there is "
            + "nothing to compute on. Give a table with values in its numeric columns.");
      }
      if (outcome.rows() == 0) {
        throw new InvalidInputException(file + ": no row has a value in every continuous column ("
            + table.rowCount() + " rows, " + outcome.droppedRows() + " with a missing value), so there is "
            + "nothing to compute on. Fill in the missing values, or mark mostly empty columns --discrete.");
      }
      List<FeatureValues> values = FeatureValues.of(outcome, selected);
      if (!outcome.emptyColumns().isEmpty()) {
        diagnostics.warning(EmptyColumns.describe(outcome.emptyColumns(), table.rowCount(), file)
            + " left out of the meta-features. Remove it from the table, or declare it categorical (--discrete "
            + String.join(",", outcome.emptyColumns()) + ").");
      }
      if (outcome.droppedRows() > 0) {
        diagnostics.note(outcome.droppedRows() + " of " + table.rowCount() + " rows have a missing value in a "
            + "continuous column and were left out of the meta-features.");
      }
      print(values, out);
      ValueChecks.warn(values, selected, diagnostics);
      return exitCode(outcome, values, diagnostics);
    }
  }

  private int list(MetaFeatureRegistry registry, PrintWriter out, Diagnostics diagnostics) {
    if (registry.all().isEmpty()) {
      diagnostics.warning(noFeaturesMessage());
    }
    if (format == OutputFormat.JSON) {
      JsonOutput.printListing(registry.all(), out);
    } else {
      FeatureListing.printTable(registry.all(), out);
    }
    return ExitCode.OK.code();
  }

  private List<RegisteredMetaFeature> select(MetaFeatureRegistry registry) {
    List<String> names = new ArrayList<>(new LinkedHashSet<>(
        features.stream().map(String::strip).filter(n -> !n.isEmpty()).toList()));
    if (names.isEmpty()) {
      if (registry.all().isEmpty()) {
        throw new PluginException(noFeaturesMessage());
      }
      return registry.all();
    }
    return registry.select(names);
  }

  private static String noFeaturesMessage() {
    return "no meta-feature is installed: the built-in ones (shifter-metafeatures-core) are missing from the "
        + "class path and no plug-in provides any. Run Shifter with bin/shifter, or add --plugins DIR.";
  }

  private void print(List<FeatureValues> values, PrintWriter out) {
    if (format == OutputFormat.JSON) {
      JsonOutput.printValues(values, out);
    } else if (!values.isEmpty()) {
      ResultTable.print(values, out);
    }
  }

  private int exitCode(MetaFeatureValues outcome, List<FeatureValues> values, Diagnostics diagnostics) {
    if (outcome.failures().isEmpty()) {
      return ExitCode.OK.code();
    }
    for (MetaFeatureValues.Failure failure : outcome.failures()) {
      diagnostics.warning("meta-feature '" + failure.feature() + "' was left out: " + failure.error().getMessage());
      diagnostics.stackTrace(failure.error());
    }
    List<String> failed = outcome.failures().stream().map(MetaFeatureValues.Failure::feature).toList();
    ExitCode code = ExitCode.of(outcome.failures().get(0).error());
    if (values.isEmpty()) {
      diagnostics.error("no meta-feature could be computed (failed: " + String.join(", ", failed) + ").");
      return code.code();
    }
    if (!features.isEmpty()) {
      diagnostics.error("requested meta-feature" + (failed.size() == 1 ? " " : "s ") + String.join(", ", failed)
          + " failed; the others were printed.");
      return code.code();
    }
    return ExitCode.OK.code();
  }
}
