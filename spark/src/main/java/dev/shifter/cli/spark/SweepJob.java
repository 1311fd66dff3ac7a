package dev.shifter.cli.spark;

import dev.shifter.api.InvalidInputException;
import dev.shifter.shift.SweepGrid;
import dev.shifter.shift.SweepPoint;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TrainedShifter;
import dev.shifter.spark.PointReport;
import dev.shifter.spark.ShifterSpark;
import dev.shifter.spark.SweepPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sweep}: the points of a grid spread over the cluster, one task each, with a range Shifter trained
 * beforehand ({@code bin/shifter sweep} trains one into its folder's {@code shifter/}, or {@code bin/shifter
 * train} with a range target).
 */
@Command(name = "sweep", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Generate one table per point of a grid with a range Shifter, one task per point, and write "
        + "them with Spark (partitioned by point) beside manifest.csv: requested against reached per entry.",
    footer = {"", "The model and Shifter directories must be readable at the same path on every executor."})
final class SweepJob implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--shifter", required = true, paramLabel = "DIR",
      description = "A range Shifter whose range holds the grid.")
  String shifter = "";

  @Option(names = "--model", paramLabel = "DIR", description = "The model (default: the one the Shifter was trained on).")
  @Nullable String model;

  @Option(names = "--grid", required = true, paramLabel = "FILE",
      description = "The grid: {\"feature\": {\"column\": [low, high, steps]}}, as for bin/shifter sweep.")
  Path grid = Path.of("");

  @Option(names = "--design", paramLabel = "grid|lhs", defaultValue = "grid",
      description = "grid (default): every combination of the steps; lhs: a Latin hypercube of --count points.")
  String design = "grid";

  @Option(names = "--count", paramLabel = "N", description = "With --design lhs: the number of points.")
  @Nullable Integer count;

  @Option(names = {"-n", "--rows"}, paramLabel = "N", defaultValue = "10000",
      description = "Rows of each point's table (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Seed of the hypercube and the tables (point i: seed + i; default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "PATH",
      description = "The sweep's folder: tables/point=N/ (Spark's part files) and manifest.csv.")
  String out = "";

  @Option(names = "--format", paramLabel = "parquet|csv", defaultValue = "parquet",
      description = "The tables' format (default ${DEFAULT-VALUE}).")
  String format = TableFormats.PARQUET;

  @Option(names = "--overwrite", description = "Replace what --out holds (default: refuse to).")
  boolean overwrite;

  private final SparkSession session;

  SweepJob(SparkSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    SweepGrid parsed = SweepGrid.read(grid);
    List<SweepPoint> points = points(parsed);
    List<Targets> targets = points.stream().map(point -> point.targets(parsed.axes())).toList();
    String modelDir = model != null ? model : TrainedShifter.trainedModel(Path.of(shifter)).location();
    String writeFormat = TableFormats.forOutput(format, out);
    TableFormats.refuseExisting(session, out, overwrite);
    String tables = out + "/tables";
    long started = System.nanoTime();
    List<PointReport> reports = ShifterSpark.sweep(session, new SweepPlan(modelDir, shifter, targets, rows, seed),
        written -> TableFormats.writer(written.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists)
            .partitionBy("point"), writeFormat).save(tables));
    SweepManifestFile.write(session, out + "/manifest.csv", reports);
    double seconds = (System.nanoTime() - started) / 1e9;
    List<Double> worst = new ArrayList<>(reports.stream()
        .map(report -> report.relativeErrors().stream().mapToDouble(Double::doubleValue).max().orElse(0)).toList());
    worst.sort(null);
    long within = reports.stream().filter(PointReport::withinTolerance).count();
    spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d points of %,d rows to %s in %.1f s: median worst "
        + "relative error %.2f %%, worst %.2f %%, %d of %d points within tolerance%n", reports.size(), rows,
        tables, seconds, 100 * worst.get(worst.size() / 2), 100 * worst.get(worst.size() - 1), within,
        reports.size());
    return SparkMain.OK;
  }

  private List<SweepPoint> points(SweepGrid parsed) {
    return switch (design.toLowerCase(Locale.ROOT)) {
      case "grid" -> {
        if (count != null) {
          throw new InvalidInputException("--count goes with --design lhs; a grid has its steps' product.");
        }
        yield parsed.product();
      }
      case "lhs" -> {
        if (count == null) {
          throw new InvalidInputException("--design lhs needs --count N, the number of points.");
        }
        yield parsed.latinHypercube(count, seed);
      }
      default -> throw new InvalidInputException("--design " + design + ": give grid or lhs.");
    };
  }
}
