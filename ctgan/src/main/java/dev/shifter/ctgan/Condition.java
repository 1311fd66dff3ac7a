package dev.shifter.ctgan;

/**
 * Asks a CTGAN model for rows with one category of one categorical column (any categorical column,
 * not only the first). The model sets every row's conditional vector to that category, as the paper
 * samples conditionally; the generator was trained to honour it, so nearly all rows have the value,
 * but it is not enforced.
 *
 * @param column the name of a categorical column of the training data
 * @param value one of its categories (as in the training data; missing values cannot be asked for)
 */
public record Condition(String column, String value) {

  /**
   * Creates the condition.
   *
   * @param column the name of a categorical column of the training data
   * @param value one of its categories
   * @return the condition
   */
  public static Condition of(String column, String value) {
    return new Condition(column, value);
  }
}
