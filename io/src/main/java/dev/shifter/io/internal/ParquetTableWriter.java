package dev.shifter.io.internal;

import dev.shifter.api.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.arrow.dataset.file.DatasetFileWriter;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link Table} as a Parquet file with Arrow's Dataset library (Arrow C++ through JNI, its default
 * compression): continuous columns as float64,
 * categorical columns as UTF-8 strings, missing values as nulls. The batches are first streamed to an
 * Arrow IPC file beside the target, which {@link #finish()} hands to Arrow's Parquet writer, so memory
 * stays the same for any number of rows.
 */
public final class ParquetTableWriter implements BatchWriter {
  private static final long RELEASE_WAIT_NANOS = 30_000_000_000L;

  private final Path path;
  private final Path stream;
  private final Path folder;
  private final ArrowTableWriter ipc;
  private @Nullable BufferAllocator allocator;

  /**
   * Opens the file.
   *
   * @param path the file to write, which exists and is empty
   * @throws IOException if the files beside it cannot be created
   */
  public ParquetTableWriter(Path path) throws IOException {
    this.path = path;
    this.stream = path.resolveSibling(path.getFileName() + ".ipc");
    this.folder = path.resolveSibling(path.getFileName() + ".parts");
    Files.deleteIfExists(stream);
    Files.createFile(stream);
    Files.createDirectories(folder);
    this.ipc = new ArrowTableWriter(stream);
  }

  @Override
  public void write(Table batch) throws IOException {
    if (allocator == null && !batch.arrow().getFieldVectors().isEmpty()) {
      allocator = batch.arrow().getFieldVectors().get(0).getAllocator();
    }
    ipc.write(batch);
  }

  @Override
  public void finish() throws IOException {
    try {
      ipc.finish();
      BufferAllocator owner = Objects.requireNonNull(allocator, "a table without columns cannot be written as Parquet");
      try (BufferAllocator child = owner.newChildAllocator("parquet-writer", 0, Long.MAX_VALUE)) {
        try (ArrowFileReader reader = new ArrowFileReader(FileChannel.open(stream, StandardOpenOption.READ), child)) {
          DatasetFileWriter.write(child, reader, FileFormat.PARQUET, folder.toAbsolutePath().toUri().toString(),
              new String[0], 1, "part-{i}");
        }
        awaitRelease(child);
      }
      List<Path> parts;
      try (Stream<Path> files = Files.list(folder)) {
        parts = files.toList();
      }
      if (parts.size() != 1) {
        throw new IOException("Arrow's Parquet writer wrote " + parts.size() + " files, not 1");
      }
      Files.move(parts.get(0), path, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      close();
    }
  }

  /**
   * Waits until Arrow C++ has released the last batch it imported: its writer threads release them
   * after {@code DatasetFileWriter.write} returns, and closing the allocator before would report a leak.
   */
  private static void awaitRelease(BufferAllocator allocator) throws IOException {
    long deadline = System.nanoTime() + RELEASE_WAIT_NANOS;
    while (allocator.getAllocatedMemory() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IOException("Arrow's Parquet writer still holds " + allocator.getAllocatedMemory() + " bytes "
            + "after " + RELEASE_WAIT_NANOS / 1_000_000_000 + " s");
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while Arrow's Parquet writer released its batches", e);
      }
    }
  }

  @Override
  public void close() {
    ipc.close();
    try {
      Files.deleteIfExists(stream);
      if (Files.exists(folder)) {
        try (Stream<Path> files = Files.walk(folder)) {
          for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
