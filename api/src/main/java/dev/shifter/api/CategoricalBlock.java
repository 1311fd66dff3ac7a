package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Objects;

/**
 * One categorical column as a meta-feature sees it: an {@code n x k} float32 one-hot block, one column per
 * category in {@link #categories()} order (sorted). On generated rows the block may be a straight-through
 * one-hot: its values are 0 and 1, and its gradient is that of a relaxation.
 *
 * @param name the column's name
 * @param categories the category labels, one per block column, sorted
 * @param oneHot the {@code n x k} block
 */
public record CategoricalBlock(String name, List<String> categories, NDArray oneHot) {

  /** Checks the components and copies the labels. */
  public CategoricalBlock {
    Objects.requireNonNull(name, "name");
    categories = List.copyOf(categories);
    Objects.requireNonNull(oneHot, "oneHot");
  }

  /**
   * The number of categories.
   *
   * @return {@code k}
   */
  public int size() {
    return categories.size();
  }

  /**
   * The block column of a category.
   *
   * @param category the label
   * @return its index, or -1 if the column has no such category
   */
  public int indexOf(String category) {
    return categories.indexOf(category);
  }
}
