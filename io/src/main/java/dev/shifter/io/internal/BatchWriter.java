package dev.shifter.io.internal;

import dev.shifter.api.Table;
import java.io.IOException;

/** Writes a table file one batch of rows at a time; the first batch fixes the columns. */
public interface BatchWriter extends AutoCloseable {
  /**
   * Appends the rows of a batch.
   *
   * @param batch rows with the same columns as every other batch
   * @throws IOException if writing fails
   */
  void write(Table batch) throws IOException;

  /**
   * Ends the file (writes a footer where the format has one) and closes it.
   *
   * @throws IOException if writing fails
   */
  void finish() throws IOException;

  /** Closes the file without ending it; what was written is to be deleted. */
  @Override
  void close();
}
