package dev.shifter.cli;

import dev.shifter.commons.AtomicFiles;
import dev.shifter.ctgan.Condition;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.io.TableFormat;
import dev.shifter.io.TableWriter;
import dev.shifter.io.Tables;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
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

/** {@code shifter sample}: draws rows from a fitted CTGAN and writes them to a table file. */
@Command(name = "sample", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Sample rows from a CTGAN model written by 'shifter fit' and write them to a CSV or Arrow IPC "
        + "file.",
        "", "The same model, --seed and -n give the same file; without --seed the seed drawn is printed. Rows are "
        + "written in batches, so memory stays the same for any -n. With --condition COLUMN=VALUE every row's "
        + "conditional vector asks for that category of that categorical column, as the paper samples "
        + "conditionally: nearly all rows then have it."},
    footer = {"", "Examples:",
        "  shifter sample --model models/adult -n 50000 --seed 1 --out synth.csv",
        "  shifter sample --model models/adult -n 1000 --condition workclass=Private --out private.arrow",
        "", "Exit codes: 0 done, 1 internal error, 2 bad usage, 3 bad input (e.g. a damaged model)."})
final class SampleCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The model directory.")
  @Nullable Path model;

  @Option(names = {"-n", "--rows"}, required = true, paramLabel = "N", converter = RowCount.class,
      description = "The number of rows, 1 or more; written in batches, so memory stays the same for any N.")
  long rows;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the sample (default: a random one).")
  @Nullable Long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The file to write: .csv, .arrow, .feather, .ipc or .parquet (replaced atomically).")
  @Nullable Path out;

  @Option(names = "--condition", paramLabel = "COLUMN=VALUE",
      description = "Ask for this category of this categorical column in every row.")
  @Nullable String condition;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    Path modelDir = Objects.requireNonNull(model);
    Path outFile = Objects.requireNonNull(out);
    RowCount.requirePositive(spec, rows);
    Diagnostics diagnostics = Diagnostics.of(spec);
    @Nullable Condition parsed = condition == null ? null : parseCondition(condition);
    TableFormat.of(outFile);
    AtomicFiles.requireWritable(outFile);
    long drawn = seed != null ? seed : ThreadLocalRandom.current().nextLong();
    try (BufferAllocator allocator = new RootAllocator();
        CtganModel ctgan = CtganModel.load(modelDir);
        TableWriter writer = Tables.openWriter(outFile)) {
      if (seed == null) {
        diagnostics.note("sampling with the seed " + drawn + " (pass --seed " + drawn + " to draw the same rows again).");
      }
      if (parsed == null) {
        ctgan.sampleInBatches(allocator, rows, drawn, writer::write);
      } else {
        ctgan.sampleInBatches(allocator, rows, parsed, drawn, writer::write);
      }
      writer.commit();
    }
    diagnostics.note(String.format(Locale.ROOT, "wrote %,d rows to %s.", rows, outFile));
    return ExitCode.OK.code();
  }

  private Condition parseCondition(String text) {
    int equals = text.indexOf('=');
    if (equals <= 0) {
      throw new ParameterException(spec.commandLine(), "--condition needs COLUMN=VALUE (e.g. "
          + "--condition workclass=Private), got '" + text + "'.");
    }
    return new Condition(text.substring(0, equals).strip(), text.substring(equals + 1));
  }
}
