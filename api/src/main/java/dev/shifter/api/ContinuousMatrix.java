package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * Continuous columns of a table as an {@code n x d} float32 matrix, rows with a missing value in any
 * chosen column removed.
 *
 * @param values the {@code n x d} float32 matrix
 * @param columns the column names, one per matrix column, in order
 * @param droppedRows how many table rows were left out because a chosen column was missing there
 */
public record ContinuousMatrix(NDArray values, List<String> columns, int droppedRows) implements AutoCloseable {

  /** Creates the record, copying the column list. */
  public ContinuousMatrix {
    columns = List.copyOf(columns);
  }

  /** Releases the matrix's native memory. */
  @Override
  public void close() {
    values.close();
  }
}
