package dev.shifter.io.internal;

import dev.shifter.api.Table;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Table} as an uncompressed Arrow IPC file (Feather v2), one record batch per batch
 * written: continuous columns as float64, categorical columns as UTF-8 strings, missing values as
 * nulls. The first batch fixes the schema.
 */
public final class ArrowTableWriter implements BatchWriter {
  private final FileChannel channel;
  private @Nullable VectorSchemaRoot root;
  private @Nullable ArrowFileWriter writer;

  /**
   * Opens the file.
   *
   * @param path the file to write, which exists and is empty
   * @throws IOException if it cannot be opened
   */
  public ArrowTableWriter(Path path) throws IOException {
    this.channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  @Override
  public void write(Table batch) throws IOException {
    VectorSchemaRoot source = batch.arrow();
    if (root == null) {
      BufferAllocator allocator = source.getFieldVectors().isEmpty() ? null
          : source.getFieldVectors().get(0).getAllocator();
      if (allocator == null) {
        throw new IllegalArgumentException("a table without columns cannot be written as Arrow IPC");
      }
      root = VectorSchemaRoot.create(source.getSchema(), allocator);
      ArrowFileWriter opened = new ArrowFileWriter(root, null, channel);
      opened.start();
      writer = opened;
    } else if (!root.getSchema().equals(source.getSchema())) {
      throw new IllegalArgumentException("batch schema " + source.getSchema() + " differs from " + root.getSchema());
    }
    try (ArrowRecordBatch records = new VectorUnloader(source).getRecordBatch()) {
      new VectorLoader(root).load(records);
    }
    Objects.requireNonNull(writer, "writer").writeBatch();
  }

  @Override
  public void finish() throws IOException {
    try {
      if (writer != null) {
        writer.end();
        writer.close();
        writer = null;
      }
      channel.close();
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    try {
      if (writer != null) {
        writer.close();
      }
    } catch (RuntimeException ignored) {
      // Arrow wraps a failed flush in a RuntimeException; the file is being abandoned, nothing more to do.
    } finally {
      try {
        channel.close();
      } catch (IOException ignored) {
        // As above: the temporary file is deleted by the caller.
      }
      if (root != null) {
        root.close();
        root = null;
      }
    }
  }
}
