package dev.shifter.ctgan.internal;

import java.util.List;

/**
 * A table after the mode-specific transform: one float row per table row.
 *
 * @param values the encoded rows, row-major, {@code rows * width} entries
 * @param rows the number of rows
 * @param width the width of an encoded row (sum of the spans' widths)
 * @param spans the blocks of an encoded row, in order
 * @param discrete the categorical columns, in table order
 * @param categoryOfRow for each discrete column (outer index, same order), the category index of each row
 */
public record EncodedData(
    float[] values, int rows, int width, List<OutputSpan> spans, List<DiscreteColumnInfo> discrete,
    int[][] categoryOfRow) {

  /** Copies the lists. */
  public EncodedData {
    spans = List.copyOf(spans);
    discrete = List.copyOf(discrete);
  }

  /**
   * Returns the width of the conditional vector: the total number of categories.
   *
   * @return the conditional vector's width
   */
  public int condWidth() {
    return discrete.stream().mapToInt(DiscreteColumnInfo::categories).sum();
  }
}
