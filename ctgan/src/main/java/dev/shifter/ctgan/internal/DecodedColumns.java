package dev.shifter.ctgan.internal;

import org.jspecify.annotations.Nullable;

/**
 * Decoded values collected batch by batch before they become one table: per table column either a
 * {@code double[]} (continuous, NaN for missing) or a label array (categorical, {@code null} for
 * missing). Filled by {@link DataTransformer#decodeInto} and turned into a table by
 * {@link DataTransformer#toTable}.
 */
public final class DecodedColumns {
  private final int rows;
  private final @Nullable double[][] continuous;
  private final @Nullable String[][] categorical;

  DecodedColumns(int rows, boolean[] isContinuous) {
    this.rows = rows;
    this.continuous = new double[isContinuous.length][];
    this.categorical = new String[isContinuous.length][];
    for (int c = 0; c < isContinuous.length; c++) {
      if (isContinuous[c]) {
        continuous[c] = new double[rows];
      } else {
        categorical[c] = new String[rows];
      }
    }
  }

  /**
   * Returns the number of rows the columns hold.
   *
   * @return the row count
   */
  public int rows() {
    return rows;
  }

  double[] continuous(int column) {
    double[] values = continuous[column];
    if (values == null) {
      throw new IllegalStateException("column " + column + " is categorical");
    }
    return values;
  }

  @Nullable String[] categorical(int column) {
    @Nullable String[] values = categorical[column];
    if (values == null) {
      throw new IllegalStateException("column " + column + " is continuous");
    }
    return values;
  }
}
