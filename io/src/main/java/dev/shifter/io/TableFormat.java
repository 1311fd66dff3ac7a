package dev.shifter.io;

import dev.shifter.api.InvalidInputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The file formats Shifter reads and writes tables in, chosen by file extension. */
public enum TableFormat {
  /** Comma-separated values with a header row ({@code .csv}). */
  CSV(List.of(".csv")),
  /** The Arrow IPC file format, also known as Feather v2 ({@code .arrow}, {@code .feather}, {@code .ipc}). */
  ARROW_IPC(List.of(".arrow", ".feather", ".ipc")),
  /** Apache Parquet ({@code .parquet}, {@code .pq}), read and written by Arrow's Dataset library. */
  PARQUET(List.of(".parquet", ".pq"));

  private final List<String> extensions;

  TableFormat(List<String> extensions) {
    this.extensions = extensions;
  }

  /**
   * Returns the file extensions of this format, with their leading dot, in lower case.
   *
   * @return the extensions, e.g. {@code [".csv"]}
   */
  public List<String> extensions() {
    return extensions;
  }

  /**
   * Picks the format from a file's extension, ignoring case.
   *
   * @param file the file to read or write
   * @return its format
   * @throws InvalidInputException if the extension is not one of the supported ones; the message lists
   *     them
   */
  public static TableFormat of(Path file) {
    Path fileName = file.getFileName();
    String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
    for (TableFormat format : values()) {
      for (String extension : format.extensions) {
        if (name.endsWith(extension)) {
          return format;
        }
      }
    }
    throw new InvalidInputException(file + ": unknown table file extension. Supported extensions: "
        + String.join(", ", supportedExtensions()) + " (CSV, Arrow IPC/Feather v2 or Parquet). Rename the file or convert it.");
  }

  /**
   * Returns every supported extension, in the order of the formats.
   *
   * @return e.g. {@code [".csv", ".arrow", ".feather", ".ipc", ".parquet", ".pq"]}
   */
  public static List<String> supportedExtensions() {
    return Arrays.stream(values()).flatMap(f -> f.extensions.stream()).toList();
  }
}
