package dev.shifter.cli.spark;

import dev.shifter.api.InvalidInputException;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TrainedShifter;
import dev.shifter.spark.ShifterSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code generate}: rows of a model, or of a trained Shifter, made inside the executors and written by Spark. */
@Command(name = "generate", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Generate rows inside the executors and write them with Spark (Parquet or CSV). Partition i "
        + "holds the rows 'bin/shifter sample' (or 'generate' with --shifter) makes for its row count and "
        + "seed; the same --seed and --partitions give the same table.",
    footer = {"", "The model and Shifter directories must be readable at the same path on every executor."})
final class GenerateJob implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR",
      description = "The CTGAN model directory (default with --shifter: the one it was trained on).")
  @Nullable String model;

  @Option(names = "--shifter", paramLabel = "DIR", description = "A trained Shifter: generate shifted rows.")
  @Nullable String shifter;

  @Option(names = "--target", paramLabel = "FILE|JSON",
      description = "With a Shifter trained for a range: the targets inside it, as a file or inline JSON.")
  @Nullable String target;

  @Option(names = {"-n", "--rows"}, required = true, paramLabel = "N", description = "The number of rows.")
  long rows;

  @Option(names = "--partitions", paramLabel = "P",
      description = "Partitions, one task each (default: Spark's default parallelism, and at least one per "
          + "250,000 rows).")
  @Nullable Integer partitions;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "Where Spark writes the table: a directory of part files, on any file system Spark reads.")
  String out = "";

  @Option(names = "--format", paramLabel = "parquet|csv",
      description = "The table's format (default: csv when --out ends in .csv, otherwise parquet).")
  @Nullable String format;

  @Option(names = "--overwrite", description = "Replace what --out holds (default: refuse to).")
  boolean overwrite;

  private final SparkSession session;

  GenerateJob(SparkSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    if (rows < 1) {
      throw new InvalidInputException("--rows " + rows + ": give at least 1 row.");
    }
    String modelDir = model != null ? model : modelOfShifter();
    int parts = partitions != null ? partitions : defaultPartitions();
    String writeFormat = TableFormats.forOutput(format, out);
    TableFormats.refuseExisting(session, out, overwrite);
    long started = System.nanoTime();
    Dataset<Row> table = target == null
        ? ShifterSpark.generate(session, modelDir, shifter, rows, parts, seed)
        : ShifterSpark.generate(session, modelDir, requireShifter(), Targets.parse(targetJson()), rows, parts, seed);
    TableFormats.writer(table.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists), writeFormat)
        .save(out);
    double seconds = (System.nanoTime() - started) / 1e9;
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %,d rows in %d partitions to %s (%s) in %.1f s%n", rows,
        parts, out, writeFormat, seconds);
    return SparkMain.OK;
  }

  private String modelOfShifter() {
    if (shifter == null) {
      throw new InvalidInputException("Name the model with --model DIR, or a trained Shifter with --shifter DIR.");
    }
    return TrainedShifter.trainedModel(Path.of(shifter)).location();
  }

  private String requireShifter() {
    if (shifter == null) {
      throw new InvalidInputException("--target needs a Shifter trained for a range: add --shifter DIR.");
    }
    return shifter;
  }

  private String targetJson() {
    String given = target == null ? "" : target.strip();
    if (given.startsWith("{")) {
      return given;
    }
    Path file = Path.of(given);
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("--target " + given + ": no such file, and not inline JSON. Give a target "
          + "file or JSON such as '{\"mean\": {\"age\": 45}}'.");
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int defaultPartitions() {
    long byRows = (rows + 249_999) / 250_000;
    return (int) Math.max(session.sparkContext().defaultParallelism(), Math.min(Integer.MAX_VALUE, byRows));
  }
}
