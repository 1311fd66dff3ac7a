package dev.shifter.io;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import dev.shifter.commons.AtomicFiles;
import dev.shifter.commons.WriteFailures;
import dev.shifter.io.internal.ArrowTableWriter;
import dev.shifter.io.internal.BatchWriter;
import dev.shifter.io.internal.CsvTableWriter;
import dev.shifter.io.internal.ParquetTableWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a table file batch by batch, atomically: the rows go to a hidden temporary file beside the
 * target, and {@link #commit()} renames it into place. Closing without a commit (a failure, an
 * interrupt) deletes the temporary file and leaves the target as it was. Memory stays the same for any
 * number of rows. Obtain one from {@link Tables#openWriter(Path)}.
 *
 * <p>Every batch must have the columns of the first. CSV written in several batches is byte for byte
 * the CSV of the whole table written at once; Arrow IPC gets one record batch per batch.
 */
public final class TableWriter implements AutoCloseable {
  private final AtomicFiles.Pending pending;
  private final BatchWriter writer;
  private long rows;
  private long batches;
  private boolean open = true;

  private TableWriter(AtomicFiles.Pending pending, BatchWriter writer) {
    this.pending = pending;
    this.writer = writer;
  }

  /** Opens a writer for the format of the file's extension. */
  static TableWriter open(Path file) {
    TableFormat format = TableFormat.of(file);
    AtomicFiles.Pending pending = AtomicFiles.create(file);
    try {
      BatchWriter writer = switch (format) {
        case CSV -> new CsvTableWriter(pending.path());
        case ARROW_IPC -> new ArrowTableWriter(pending.path());
        case PARQUET -> new ParquetTableWriter(pending.path());
      };
      return new TableWriter(pending, writer);
    } catch (IOException | RuntimeException e) {
      pending.close();
      throw e instanceof ShifterException shifter ? shifter : pending.failure(e);
    }
  }

  /**
   * Appends a batch of rows.
   *
   * @param batch rows with the columns of the first batch; it stays open
   * @throws ShifterException if writing fails (disk full, I/O error); the writer is then closed and
   *     the target unchanged
   */
  public void write(Table batch) {
    checkOpen();
    try {
      writer.write(batch);
      rows += batch.rowCount();
      batches++;
    } catch (IOException | RuntimeException e) {
      close();
      throw failure(e);
    }
  }

  /**
   * Ends the file and moves it into place.
   *
   * @throws InvalidInputException if no batch was written (a batch without rows still gives the
   *     columns)
   * @throws ShifterException if writing fails; the target is then unchanged
   */
  public void commit() {
    checkOpen();
    if (batches == 0) {
      close();
      throw new InvalidInputException("No batch was written, so the columns are unknown and no table file was made. "
          + "Write at least one batch.");
    }
    try {
      writer.finish();
    } catch (IOException | RuntimeException e) {
      close();
      throw failure(e);
    }
    open = false;
    pending.commit();
  }

  /**
   * Returns the number of rows written so far.
   *
   * @return the rows
   */
  public long rowsWritten() {
    return rows;
  }

  /** Abandons the file unless it was committed: the temporary file is deleted. */
  @Override
  public void close() {
    if (open) {
      open = false;
      writer.close();
    }
    pending.close();
  }

  /** The exception to throw for a failure while writing: I/O failures in words, anything else as it is. */
  private RuntimeException failure(Exception e) {
    if (e instanceof RuntimeException runtime && WriteFailures.ioCause(runtime) == null) {
      return runtime;
    }
    return pending.failure(e);
  }

  private void checkOpen() {
    if (!open) {
      throw new IllegalStateException("the table writer was committed or closed");
    }
  }
}
