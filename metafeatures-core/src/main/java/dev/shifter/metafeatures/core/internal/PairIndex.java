package dev.shifter.metafeatures.core.internal;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Flat indices of the strict upper triangle of a {@code d x d} matrix in pair order (0,1), (0,2), ...,
 * (0,d-1), (1,2), ..., i.e. {@code i * d + j} for {@code i < j}. Built once per {@code d}: the last
 * one built is cached, since a training run asks for the same {@code d} at every step.
 */
public final class PairIndex {
  private static final AtomicReference<Cached> LAST = new AtomicReference<>(new Cached(0, new long[0]));

  private PairIndex() {}

  private record Cached(int columns, long[] flat) {}

  /**
   * Returns the flat upper-triangle indices for {@code columns} columns.
   *
   * @param columns the number of columns {@code d >= 1}
   * @return {@code d(d-1)/2} indices into the row-major flattened matrix; do not modify
   */
  public static long[] flatUpperTriangle(int columns) {
    Cached cached = LAST.get();
    if (cached != null && cached.columns() == columns) {
      return cached.flat();
    }
    long[] flat = new long[columns * (columns - 1) / 2];
    int k = 0;
    for (int i = 0; i < columns; i++) {
      for (int j = i + 1; j < columns; j++) {
        flat[k++] = (long) i * columns + j;
      }
    }
    LAST.set(new Cached(columns, flat));
    return flat;
  }

  /**
   * Returns the flat indices {@code i * d + i} of the diagonal of a {@code d x d} matrix.
   *
   * @param columns the number of columns {@code d >= 1}
   * @return {@code d} indices into the row-major flattened matrix
   */
  public static long[] flatDiagonal(int columns) {
    long[] flat = new long[columns];
    for (int i = 0; i < columns; i++) {
      flat[i] = (long) i * columns + i;
    }
    return flat;
  }
}
