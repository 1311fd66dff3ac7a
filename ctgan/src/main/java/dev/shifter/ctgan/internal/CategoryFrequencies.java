package dev.shifter.ctgan.internal;

import dev.shifter.api.ArtifactException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Draws conditional vectors for plain sampling from the training data's own category frequencies
 * (Xu et al. 2019, section 4.3): per row a categorical column uniformly, then one of its categories
 * with its frequency in the data. This is the distribution of {@link ConditionalSampler#sampleOriginal}
 * and needs only the counts, which the model manifest keeps. Immutable and thread-safe; all randomness
 * comes from the {@link Random} passed in.
 */
public final class CategoryFrequencies {
  private final List<DiscreteColumnInfo> columns;
  private final int condWidth;
  private final int rows;
  /** Per column, the cumulative counts over its categories; the last entry is {@code rows}. */
  private final long[][] cumulative;
  private final List<CategoryCounts> counts;

  /**
   * Builds the frequencies from saved counts.
   *
   * @param columns the categorical columns, in table order, as the transformer lays them out
   * @param counts one entry per column, in the same order
   * @param source the file the counts come from, for messages
   * @throws ArtifactException if the counts do not match the columns
   */
  public CategoryFrequencies(List<DiscreteColumnInfo> columns, List<CategoryCounts> counts, String source) {
    this.columns = List.copyOf(columns);
    this.counts = List.copyOf(counts);
    this.condWidth = columns.stream().mapToInt(DiscreteColumnInfo::categories).sum();
    if (counts.size() != columns.size()) {
      throw damaged(source, "it has category counts for " + counts.size() + " columns, the model has "
          + columns.size() + " categorical columns");
    }
    this.cumulative = new long[columns.size()][];
    int total = -1;
    for (int c = 0; c < columns.size(); c++) {
      DiscreteColumnInfo info = columns.get(c);
      CategoryCounts column = counts.get(c);
      if (!column.column().equals(info.name()) || column.counts().size() != info.categories()) {
        throw damaged(source, "the category counts of column '" + column.column() + "' do not match column '"
            + info.name() + "' with " + info.categories() + " categories");
      }
      long[] sums = new long[info.categories()];
      long sum = 0;
      for (int k = 0; k < sums.length; k++) {
        int count = column.counts().get(k);
        if (count < 0) {
          throw damaged(source, "column '" + info.name() + "' has a negative category count");
        }
        sum += count;
        sums[k] = sum;
      }
      if (sum < 1 || sum > Integer.MAX_VALUE || (total >= 0 && sum != total)) {
        throw damaged(source, "the category counts of column '" + info.name() + "' add up to " + sum
            + " rows, not to the same positive number of rows as the other columns");
      }
      total = (int) sum;
      cumulative[c] = sums;
    }
    this.rows = Math.max(total, 1);
  }

  /**
   * Counts the categories of encoded training data.
   *
   * @param data the encoded data
   * @return the frequencies
   */
  public static CategoryFrequencies of(EncodedData data) {
    List<CategoryCounts> counts = new ArrayList<>();
    for (int c = 0; c < data.discrete().size(); c++) {
      DiscreteColumnInfo info = data.discrete().get(c);
      int[] perCategory = new int[info.categories()];
      for (int k : data.categoryOfRow()[c]) {
        perCategory[k]++;
      }
      counts.add(new CategoryCounts(info.name(), Arrays.stream(perCategory).boxed().toList()));
    }
    return new CategoryFrequencies(data.discrete(), counts, "the training data");
  }

  /**
   * Returns the counts, for the manifest.
   *
   * @return one entry per categorical column
   */
  public List<CategoryCounts> counts() {
    return counts;
  }

  /**
   * Returns the width of the conditional vectors.
   *
   * @return the number of categories of all categorical columns
   */
  public int condWidth() {
    return condWidth;
  }

  /**
   * Returns the probability with which {@link #draw} sets each entry of the conditional vector: a column
   * drawn uniformly, then one of its categories by its share of the training rows.
   *
   * @return {@code condWidth()} probabilities summing to 1 (empty without categorical columns)
   */
  public double[] probabilities() {
    double[] p = new double[condWidth];
    for (int c = 0; c < columns.size(); c++) {
      long previous = 0;
      for (int k = 0; k < cumulative[c].length; k++) {
        p[columns.get(c).condOffset() + k] = (cumulative[c][k] - previous) / (double) rows / columns.size();
        previous = cumulative[c][k];
      }
    }
    return p;
  }

  /**
   * Draws {@code n} conditional vectors from the data's frequencies.
   *
   * @param n the number of rows
   * @param random the source of randomness
   * @return {@code n x condWidth()} values, row-major, one 1 per row (all 0 without categorical columns)
   */
  public float[] draw(int n, Random random) {
    float[] cond = new float[n * condWidth];
    if (columns.isEmpty()) {
      return cond;
    }
    for (int i = 0; i < n; i++) {
      int c = random.nextInt(columns.size());
      long u = random.nextInt(rows);
      long[] sums = cumulative[c];
      int k = 0;
      while (sums[k] <= u) {
        k++;
      }
      cond[i * condWidth + columns.get(c).condOffset() + k] = 1f;
    }
    return cond;
  }

  /**
   * Returns {@code n} identical conditional vectors that all ask for one category.
   *
   * @param n the number of rows
   * @param column the index of the categorical column, in table order among the categorical ones
   * @param category the index of the category within the column
   * @return {@code n x condWidth()} values, row-major
   */
  public float[] fixed(int n, int column, int category) {
    float[] cond = new float[n * condWidth];
    int at = columns.get(column).condOffset() + category;
    for (int i = 0; i < n; i++) {
      cond[i * condWidth + at] = 1f;
    }
    return cond;
  }

  private static ArtifactException damaged(String source, String why) {
    return new ArtifactException(source + " is inconsistent: " + why + ". Restore the model directory from a "
        + "backup, or fit the model again.");
  }
}
