package dev.shifter.cli.spark;

import dev.shifter.api.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/** The table formats the jobs read and write through Spark: Parquet, and CSV with a header. */
final class TableFormats {
  static final String PARQUET = "parquet";
  static final String CSV = "csv";

  private TableFormats() {}

  static String forOutput(@Nullable String format, String path) {
    return format == null ? guess(path) : checked(format, "--format");
  }

  static Dataset<Row> read(SparkSession session, String path, @Nullable String format) {
    String chosen = format == null ? guess(path) : checked(format, "--format");
    DataFrameReader reader = session.read();
    if (CSV.equals(chosen)) {
      reader = reader.option("header", "true").option("inferSchema", "true");
    }
    try {
      return reader.format(chosen).load(path);
    } catch (Exception e) {
      if (e instanceof AnalysisException) {
        throw new InvalidInputException("--data " + path + ": Spark cannot read it as " + chosen + " ("
            + e.getMessage() + "). Check the path, or give --format.", e);
      }
      throw e;
    }
  }

  static DataFrameWriter<Row> writer(DataFrameWriter<Row> writer, String format) {
    return CSV.equals(format) ? writer.format(CSV).option("header", "true") : writer.format(PARQUET);
  }

  static void refuseExisting(SparkSession session, String path, boolean overwrite) {
    if (overwrite) {
      return;
    }
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(path);
    try {
      FileSystem fs = target.getFileSystem(session.sparkContext().hadoopConfiguration());
      if (fs.exists(target)) {
        throw new InvalidInputException("--out " + path + " already exists. Choose another path, or add "
            + "--overwrite to replace it.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String guess(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".csv") || lower.endsWith(".csv/") ? CSV : PARQUET;
  }

  private static String checked(String format, String option) {
    String lower = format.toLowerCase(Locale.ROOT);
    if (!PARQUET.equals(lower) && !CSV.equals(lower)) {
      throw new InvalidInputException(option + " " + format + ": give parquet or csv.");
    }
    return lower;
  }
}
