package dev.shifter.io.internal;

import dev.shifter.api.Table;
import dev.shifter.commons.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.vector.ipc.ArrowFileWriter;

/**
 * Writes a {@link Table} as an uncompressed Arrow IPC file (Feather v2) with one record batch:
 * continuous columns as float64, categorical columns as UTF-8 strings, missing values as nulls.
 */
public final class ArrowTableWriter {
  private ArrowTableWriter() {}

  /**
   * Writes the table atomically.
   *
   * @param table the table
   * @param target the file to create or replace
   */
  public static void write(Table table, Path target) {
    AtomicFiles.write(target, path -> writeTo(table, path));
  }

  private static void writeTo(Table table, Path path) throws IOException {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        ArrowFileWriter writer = new ArrowFileWriter(table.arrow(), null, channel)) {
      writer.start();
      writer.writeBatch();
      writer.end();
    }
  }
}
