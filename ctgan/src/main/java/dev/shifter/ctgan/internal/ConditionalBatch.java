package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Conditions drawn for one batch, as plain Java arrays (turned into one NDArray per batch, never one
 * per row). The arrays are shared, not copied: treat them as read-only.
 *
 * @param rows the number of rows in the batch
 * @param condWidth the width of a conditional vector (0 when the data has no discrete column)
 * @param discreteColumns the number of discrete columns (the width of the mask)
 * @param cond the conditional vectors, row-major {@code rows x condWidth}: a single 1 per row at the
 *     chosen column's {@code condOffset} plus the chosen category
 * @param mask the chosen column, row-major {@code rows x discreteColumns}, one-hot
 * @param column the chosen discrete column of each row ({@code -1} without discrete columns)
 * @param category the chosen category of each row within its column ({@code -1} without discrete
 *     columns)
 * @param realRow for each row, the index of a data row that has the chosen category
 */
public record ConditionalBatch(
    int rows, int condWidth, int discreteColumns, float[] cond, float[] mask, int[] column,
    int[] category, int[] realRow) {

  /**
   * Returns the conditional vectors as one {@code rows x condWidth} float32 array.
   *
   * @param manager the manager that owns the result (a step's sub-manager)
   * @return the conditional vectors
   */
  public NDArray condArray(NDManager manager) {
    return manager.create(cond, new Shape(rows, condWidth));
  }

  /**
   * Returns the column mask as one {@code rows x discreteColumns} float32 array.
   *
   * @param manager the manager that owns the result (a step's sub-manager)
   * @return the one-hot masks of the chosen columns
   */
  public NDArray maskArray(NDManager manager) {
    return manager.create(mask, new Shape(rows, discreteColumns));
  }

  /**
   * Returns the batch with its rows reordered: row {@code i} of the result is row
   * {@code permutation[i]} of this batch.
   *
   * @param permutation a permutation of {@code 0 .. rows-1}
   * @return the reordered batch
   */
  public ConditionalBatch permuted(int[] permutation) {
    if (permutation.length != rows) {
      throw new IllegalArgumentException(
          "permutation has " + permutation.length + " entries for " + rows + " rows");
    }
    float[] newCond = new float[cond.length];
    float[] newMask = new float[mask.length];
    int[] newColumn = new int[rows];
    int[] newCategory = new int[rows];
    int[] newRow = new int[rows];
    for (int i = 0; i < rows; i++) {
      int from = permutation[i];
      System.arraycopy(cond, from * condWidth, newCond, i * condWidth, condWidth);
      System.arraycopy(mask, from * discreteColumns, newMask, i * discreteColumns, discreteColumns);
      newColumn[i] = column[from];
      newCategory[i] = category[from];
      newRow[i] = realRow[from];
    }
    return new ConditionalBatch(
        rows, condWidth, discreteColumns, newCond, newMask, newColumn, newCategory, newRow);
  }
}
