package dev.shifter.ctgan.internal;

import dev.shifter.api.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Training-by-sampling (Xu et al. 2019, section 4.3): draws the conditional vectors of a batch and the
 * real rows that match them.
 *
 * <p>For training ({@link #sampleTrain}) each row picks a discrete column uniformly, then a category
 * of that column with probability proportional to {@code log(1 + count)}, so that rare categories
 * are seen more often than their frequency, and a real row that has that category, uniformly among
 * those rows. For plain sampling ({@link #sampleOriginal}) each row picks a discrete column uniformly
 * and a category with its empirical frequency (done by drawing a data row uniformly and taking its
 * category), which is the same as drawing from the frequencies of all categories of all columns
 * pooled together, since every column's counts add up to the number of rows.
 *
 * <p>Without discrete columns the conditional vectors have width 0 and the real rows are drawn
 * uniformly. The sampler holds only Java arrays; it is immutable and its randomness comes entirely
 * from the {@link Random} passed in.
 */
public final class ConditionalSampler {
  private final int rows;
  private final int condWidth;
  private final List<DiscreteColumnInfo> columns;
  private final int[][] categoryOfRow;
  /** Per column, the cumulative sums of log(1 + count) over its categories. */
  private final double[][] logCumulative;
  /** Per column and category, the rows that have that category. */
  private final int[][][] rowsByCategory;

  /**
   * Builds the sampler's tables from the encoded data.
   *
   * @param data the encoded training data (at least one row)
   * @throws InvalidInputException if the data has no rows or its discrete columns are inconsistent
   */
  public ConditionalSampler(EncodedData data) {
    if (data.rows() < 1) {
      throw new InvalidInputException(
          "the training data has no rows: fit CTGAN on a table with at least one row");
    }
    this.rows = data.rows();
    this.condWidth = data.condWidth();
    this.columns = data.discrete();
    this.categoryOfRow = data.categoryOfRow();
    if (categoryOfRow.length != columns.size()) {
      throw new IllegalArgumentException(
          "categoryOfRow has " + categoryOfRow.length + " columns but there are " + columns.size()
              + " discrete columns");
    }
    this.logCumulative = new double[columns.size()][];
    this.rowsByCategory = new int[columns.size()][][];
    int expectedOffset = 0;
    for (int c = 0; c < columns.size(); c++) {
      DiscreteColumnInfo info = columns.get(c);
      if (info.condOffset() != expectedOffset || info.categories() < 1) {
        throw new IllegalArgumentException(
            "discrete column " + info.name() + " has condOffset " + info.condOffset() + " and "
                + info.categories() + " categories; expected offset " + expectedOffset
                + " and at least one category");
      }
      expectedOffset += info.categories();
      buildColumn(c, info);
    }
  }

  private void buildColumn(int c, DiscreteColumnInfo info) {
    int[] categoryOf = categoryOfRow[c];
    if (categoryOf.length != rows) {
      throw new IllegalArgumentException(
          "column " + info.name() + " has " + categoryOf.length + " category codes for " + rows
              + " rows");
    }
    int[] counts = new int[info.categories()];
    for (int r = 0; r < rows; r++) {
      int k = categoryOf[r];
      if (k < 0 || k >= counts.length) {
        throw new IllegalArgumentException(
            "row " + r + " of column " + info.name() + " has category code " + k + " outside [0, "
                + counts.length + ")");
      }
      counts[k]++;
    }
    double[] cumulative = new double[counts.length];
    double sum = 0;
    int[][] byCategory = new int[counts.length][];
    for (int k = 0; k < counts.length; k++) {
      sum += Math.log1p(counts[k]);
      cumulative[k] = sum;
      byCategory[k] = new int[counts[k]];
    }
    int[] filled = new int[counts.length];
    for (int r = 0; r < rows; r++) {
      int k = categoryOf[r];
      byCategory[k][filled[k]++] = r;
    }
    logCumulative[c] = cumulative;
    rowsByCategory[c] = byCategory;
  }

  /**
   * Returns the width of the conditional vectors.
   *
   * @return the total number of categories of all discrete columns (0 without discrete columns)
   */
  public int condWidth() {
    return condWidth;
  }

  /**
   * Returns the number of discrete columns.
   *
   * @return the width of the column mask
   */
  public int discreteColumns() {
    return columns.size();
  }

  /**
   * Returns the probabilities with which {@link #sampleTrain} draws the categories of one column,
   * once that column is chosen: {@code log(1 + count_k) / sum_j log(1 + count_j)}.
   *
   * @param column the index of the discrete column
   * @return one probability per category
   */
  public double[] trainingProbabilities(int column) {
    double[] cumulative = logCumulative[column];
    double total = cumulative[cumulative.length - 1];
    double[] p = new double[cumulative.length];
    double previous = 0;
    for (int k = 0; k < p.length; k++) {
      p[k] = (cumulative[k] - previous) / total;
      previous = cumulative[k];
    }
    return p;
  }

  /**
   * Draws the conditions of a training batch: per row a discrete column uniformly, a category by
   * log-frequency, and a real row with that category.
   *
   * @param n the number of rows
   * @param random the source of randomness
   * @return the batch
   */
  public ConditionalBatch sampleTrain(int n, Random random) {
    Draw draw = new Draw(n);
    for (int i = 0; i < n; i++) {
      if (columns.isEmpty()) {
        draw.realRow[i] = random.nextInt(rows);
        continue;
      }
      int c = random.nextInt(columns.size());
      int k = drawCategory(logCumulative[c], random);
      int[] candidates = rowsByCategory[c][k];
      draw.set(i, c, k, candidates[random.nextInt(candidates.length)]);
    }
    return draw.toBatch();
  }

  /**
   * Draws conditions for plain sampling: per row a discrete column uniformly and a category with its
   * empirical frequency. {@link ConditionalBatch#realRow()} holds the data row the category was taken
   * from.
   *
   * @param n the number of rows
   * @param random the source of randomness
   * @return the batch
   */
  public ConditionalBatch sampleOriginal(int n, Random random) {
    Draw draw = new Draw(n);
    for (int i = 0; i < n; i++) {
      if (columns.isEmpty()) {
        draw.realRow[i] = random.nextInt(rows);
        continue;
      }
      int c = random.nextInt(columns.size());
      int r = random.nextInt(rows);
      draw.set(i, c, categoryOfRow[c][r], r);
    }
    return draw.toBatch();
  }

  private static int drawCategory(double[] cumulative, Random random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    // The first category whose cumulative weight exceeds u; categories of weight 0 (never seen)
    // have the same cumulative weight as their predecessor and are never chosen.
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The arrays of a batch being filled. */
  private final class Draw {
    final int n;
    final float[] cond;
    final float[] mask;
    final int[] column;
    final int[] category;
    final int[] realRow;

    Draw(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("batch size must not be negative, got " + n);
      }
      this.n = n;
      this.cond = new float[n * condWidth];
      this.mask = new float[n * columns.size()];
      this.column = new int[n];
      this.category = new int[n];
      this.realRow = new int[n];
      Arrays.fill(column, -1);
      Arrays.fill(category, -1);
    }

    void set(int i, int c, int k, int row) {
      column[i] = c;
      category[i] = k;
      realRow[i] = row;
      cond[i * condWidth + columns.get(c).condOffset() + k] = 1f;
      mask[i * columns.size() + c] = 1f;
    }

    ConditionalBatch toBatch() {
      return new ConditionalBatch(
          n, condWidth, columns.size(), cond, mask, column, category, realRow);
    }
  }
}
