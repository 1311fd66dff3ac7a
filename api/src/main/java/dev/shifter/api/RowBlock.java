package dev.shifter.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A block of complete rows as a {@link MergeableMetaFeature} summarizes it: the continuous columns as
 * doubles and the categorical ones as strings, column by column, with no missing value. The arrays are
 * shared, not copied: a feature must not change them.
 *
 * @param continuousNames the continuous columns' names
 * @param continuous one array per continuous column, each {@code rows} long
 * @param categoricalNames the categorical columns' names, the label's not among them
 * @param categorical one array per categorical column, each {@code rows} long
 * @param labelName the label column's name, or {@code null} without a label
 * @param label the label's values, {@code rows} long, or empty without a label
 * @param rows the number of rows
 */
public record RowBlock(List<String> continuousNames, double[][] continuous, List<String> categoricalNames,
    String[][] categorical, @Nullable String labelName, String[] label, int rows) {

  /** Checks that every column has {@code rows} values and that a label comes with its name. */
  public RowBlock {
    if (rows < 0) {
      throw new InvalidInputException("A row block cannot have " + rows + " rows.");
    }
    continuousNames = List.copyOf(continuousNames);
    categoricalNames = List.copyOf(categoricalNames);
    if (continuous.length != continuousNames.size() || categorical.length != categoricalNames.size()) {
      throw new InvalidInputException("A row block needs one array per named column: " + continuousNames.size()
          + " continuous and " + categoricalNames.size() + " categorical names, " + continuous.length + " and "
          + categorical.length + " arrays.");
    }
    for (double[] column : continuous) {
      requireRows(column.length, rows);
    }
    for (String[] column : categorical) {
      requireRows(column.length, rows);
    }
    if (labelName != null) {
      requireRows(label.length, rows);
    } else if (label.length > 0) {
      throw new InvalidInputException("A row block's label values need the label's name.");
    }
  }

  /**
   * Builds a block of continuous columns only.
   *
   * @param names the columns' names
   * @param columns one array per column
   * @return the block
   */
  public static RowBlock ofContinuous(List<String> names, double[][] columns) {
    int rows = columns.length == 0 ? 0 : columns[0].length;
    return new RowBlock(names, columns, List.of(), new String[0][], null, new String[0], rows);
  }

  /**
   * Returns the label's values.
   *
   * @param feature the feature that needs them, named in the error
   * @return the values
   * @throws InvalidInputException if the block has no label
   */
  public String[] requireLabel(String feature) {
    if (labelName == null) {
      throw new InvalidInputException("Meta-feature '" + feature + "' needs a label column. Name the table's "
          + "label column.", Remedy.set(Remedy.Setting.LABEL_COLUMN));
    }
    return label;
  }

  private static void requireRows(int length, int rows) {
    if (length != rows) {
      throw new InvalidInputException("Every column of a row block needs " + rows + " values, one has " + length
          + ".");
    }
  }
}
