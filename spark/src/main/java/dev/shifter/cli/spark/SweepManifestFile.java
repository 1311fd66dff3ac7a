package dev.shifter.cli.spark;

import dev.shifter.spark.PointReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a Spark sweep's {@code manifest.csv} on any file system Spark writes to, whole or not at all (a
 * temporary file, then a rename): {@code point}, {@code file}, per entry {@code requested:ENTRY},
 * {@code reached:ENTRY} and {@code relative_error:ENTRY}, then {@code within_tolerance}, the columns of
 * {@code bin/shifter sweep}'s manifest up to that one.
 */
final class SweepManifestFile {
  private SweepManifestFile() {}

  static void write(SparkSession session, String path, List<PointReport> reports) {
    StringBuilder text = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("point", "file"));
    List<String> entries = reports.get(0).entries();
    for (String kind : List.of("requested", "reached", "relative_error")) {
      entries.forEach(entry -> header.add(kind + ":" + entry));
    }
    header.add("within_tolerance");
    text.append(String.join(",", header.stream().map(SweepManifestFile::quoted).toList())).append('\n');
    for (PointReport report : reports) {
      List<String> cells = new ArrayList<>(List.of(Integer.toString(report.point()),
          "tables/point=" + report.point()));
      for (List<Double> values : List.of(report.requested(), report.reached(), report.relativeErrors())) {
        values.forEach(value -> cells.add(String.format(Locale.ROOT, "%.9g", value)));
      }
      cells.add(Boolean.toString(report.withinTolerance()));
      text.append(String.join(",", cells)).append('\n');
    }
    Path target = new Path(path);
    Path temp = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try {
      FileSystem fs = target.getFileSystem(session.sparkContext().hadoopConfiguration());
      try (OutputStream stream = fs.create(temp, true)) {
        stream.write(text.toString().getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(target, false);
      if (!fs.rename(temp, target)) {
        throw new IOException("could not rename " + temp + " to " + target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quoted(String cell) {
    return cell.contains(",") || cell.contains("\"") ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }
}
