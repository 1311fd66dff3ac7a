package dev.shifter.ctgan.internal;

import java.util.List;

/**
 * How often each category of one categorical column occurs in the training data, in the encoding's
 * category order (the missing category last, when there is one). Saved in the model manifest so that a
 * loaded model draws conditional vectors from the data's own frequencies without the data.
 *
 * @param column the column's name
 * @param counts the number of training rows per category
 */
public record CategoryCounts(String column, List<Integer> counts) {

  /** Copies the list. */
  public CategoryCounts {
    counts = List.copyOf(counts);
  }
}
