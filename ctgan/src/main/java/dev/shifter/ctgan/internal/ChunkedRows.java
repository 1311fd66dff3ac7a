package dev.shifter.ctgan.internal;

import java.util.stream.IntStream;

/**
 * Splits a row range into fixed-size chunks and runs them on the common fork-join pool. The chunk
 * boundaries depend only on the row count, never on the number of threads, and partial sums are added
 * in chunk order, so results are bit-for-bit the same on any machine.
 */
final class ChunkedRows {
  /** Rows per chunk: large enough to amortise scheduling, small enough to balance two cores. */
  static final int CHUNK = 4096;

  /** Work on the rows {@code [from, to)} of chunk {@code chunk}. */
  @FunctionalInterface
  interface ChunkTask {
    void run(int chunk, int from, int to);
  }

  /** Accumulates into {@code partial} (zeroed, private to the chunk) over rows {@code [from, to)}. */
  @FunctionalInterface
  interface ChunkSum {
    void accumulate(int from, int to, double[] partial);
  }

  private ChunkedRows() {}

  /**
   * Returns the number of chunks for a row count.
   *
   * @param rows the row count
   * @return the chunk count, 0 for no rows
   */
  static int chunks(int rows) {
    return (rows + CHUNK - 1) / CHUNK;
  }

  /**
   * Runs a task on every chunk, in parallel when there is more than one.
   *
   * @param rows the row count
   * @param task the work per chunk
   */
  static void forEach(int rows, ChunkTask task) {
    int chunks = chunks(rows);
    if (chunks == 1) {
      task.run(0, 0, rows);
      return;
    }
    IntStream.range(0, chunks).parallel().forEach(c -> task.run(c, c * CHUNK, Math.min(rows, (c + 1) * CHUNK)));
  }

  /**
   * Sums per-chunk partial vectors of a fixed width, adding them in chunk order.
   *
   * @param rows the row count
   * @param width the length of the partial vectors
   * @param sum the accumulation per chunk
   * @return the total
   */
  static double[] sum(int rows, int width, ChunkSum sum) {
    int chunks = chunks(rows);
    double[][] partials = new double[chunks][width];
    forEach(rows, (c, from, to) -> sum.accumulate(from, to, partials[c]));
    double[] total = new double[width];
    for (double[] partial : partials) {
      for (int j = 0; j < width; j++) {
        total[j] += partial[j];
      }
    }
    return total;
  }
}
