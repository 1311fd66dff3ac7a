package dev.shifter.cli;

import dev.shifter.io.Tables;
import dev.shifter.shift.GeneratorLoaders;
import dev.shifter.shift.LoadedGenerator;
import dev.shifter.shift.ModelReference;
import dev.shifter.shift.ShiftedTable;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TrainedShifter;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * trained against, writes it, and prints for each target entry the target, the value reached, the
 * unshifted model's value with the same noise, and whether it is within tolerance.
 */
@Command(name = "generate", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Generate a shifted table with a trained Shifter.",
        "", "The model is the one the Shifter was trained against (its recorded directory, or --model); a model "
        + "with another fingerprint is refused. The same --seed gives the same file."},
    footer = {"", "Examples:",
        "  shifter generate --shifter shifters/adult -n 20000 --seed 1 --out shifted.csv",
        "  shifter generate --shifter shifters/adult-range -n 20000 --target other.json --out other.csv",
        "  shifter generate --shifter shifters/adult -n 5000 --out shifted.arrow --format json > report.json",
        "", "Exit codes: 0 done, 1 internal error, 2 bad usage, 3 bad input, 4 plug-in failure."})
final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--shifter", required = true, paramLabel = "DIR", description = "The Shifter directory.")
  @Nullable Path shifter;

  @Option(names = {"-n", "--rows"}, required = true, paramLabel = "N", converter = RowCount.class,
      description = "The number of rows, from 1 to 2,147,483,647 (the table is held in memory).")
  long rows;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The table to write: .csv, .arrow, .feather or .ipc.")
  @Nullable Path out;

  @Option(names = "--target", paramLabel = "FILE",
      description = "Generate for these targets instead of the trained one: one value per trained entry, inside "
          + "the trained range.")
  @Nullable Path target;

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
    Path shifterDir = Objects.requireNonNull(shifter);
    Path outFile = Objects.requireNonNull(out);
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
        long missed = shifted.report().stream().filter(r -> !r.withinTolerance()).count();
        if (missed > 0) {
          diagnostics.warning(missed + " of " + shifted.report().size() + " target entries are outside their "
              + "tolerance; train longer (--steps, --resume) or with smaller regularizer weights.");
        }
        diagnostics.note(String.format(Locale.ROOT, "wrote %,d rows to %s.", count, outFile));
      }
      return ExitCode.OK.code();
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
