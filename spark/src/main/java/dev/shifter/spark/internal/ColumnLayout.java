package dev.shifter.spark.internal;

import dev.shifter.api.InvalidInputException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Which columns of a distributed table the meta-features see, and how: numeric columns are continuous
 * (null and NaN are missing), string and boolean columns categorical, the label categorical and apart.
 *
 * @param continuousNames the continuous columns
 * @param continuousIndex their positions in the row
 * @param categoricalNames the categorical columns, the label's not among them
 * @param categoricalIndex their positions in the row
 * @param labelName the label, or {@code null}
 * @param labelIndex its position, or -1
 */
public record ColumnLayout(List<String> continuousNames, int[] continuousIndex, List<String> categoricalNames,
    int[] categoricalIndex, @Nullable String labelName, int labelIndex) implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Reads the layout off a schema.
   *
   * @param schema the table's schema
   * @param label the label column, or {@code null}
   * @param excluded columns to leave out (those found to have no value at all)
   * @return the layout
   * @throws InvalidInputException if the label is not a column, or is numeric, or a column has a type that
   *     is neither numeric, string nor boolean
   */
  public static ColumnLayout of(StructType schema, @Nullable String label, List<String> excluded) {
    List<String> continuous = new ArrayList<>();
    List<Integer> continuousAt = new ArrayList<>();
    List<String> categorical = new ArrayList<>();
    List<Integer> categoricalAt = new ArrayList<>();
    int labelAt = -1;
    StructField[] fields = schema.fields();
    for (int i = 0; i < fields.length; i++) {
      StructField field = fields[i];
      String name = field.name();
      boolean numeric = field.dataType() instanceof NumericType;
      boolean text = field.dataType() instanceof StringType || field.dataType() instanceof BooleanType;
      if (name.equals(label)) {
        if (!text) {
          throw new InvalidInputException("The label column '" + label + "' is " + field.dataType().simpleString()
              + "; a label is categorical. Cast it to a string first (dataset.withColumn(\"" + label + "\", "
              + "col(\"" + label + "\").cast(\"string\"))).");
        }
        labelAt = i;
      } else if (excluded.contains(name)) {
        continue;
      } else if (numeric) {
        continuous.add(name);
        continuousAt.add(i);
      } else if (text) {
        categorical.add(name);
        categoricalAt.add(i);
      } else {
        throw new InvalidInputException(String.format(Locale.ROOT, "Column '%s' is %s; meta-features read numeric "
            + "columns as continuous and string or boolean columns as categorical. Cast it or drop it first.", name,
            field.dataType().simpleString()));
      }
    }
    if (label != null && labelAt < 0) {
      throw new InvalidInputException("The label column '" + label + "' is not in the table. Its columns are: "
          + String.join(", ", schema.fieldNames()) + ".");
    }
    return new ColumnLayout(continuous, continuousAt.stream().mapToInt(Integer::intValue).toArray(), categorical,
        categoricalAt.stream().mapToInt(Integer::intValue).toArray(), label, labelAt);
  }

  /**
   * Reads a continuous value.
   *
   * @param row the row
   * @param column the continuous column's number in this layout
   * @return the value, NaN when missing
   */
  double continuous(Row row, int column) {
    int at = continuousIndex[column];
    if (row.isNullAt(at)) {
      return Double.NaN;
    }
    return ((Number) row.get(at)).doubleValue();
  }

  /**
   * Reads a categorical value.
   *
   * @param row the row
   * @param column the categorical column's number in this layout
   * @return the value, {@code null} when missing
   */
  @Nullable String categorical(Row row, int column) {
    return text(row, categoricalIndex[column]);
  }

  /**
   * Reads the label.
   *
   * @param row the row
   * @return the label, {@code null} when missing or without a label
   */
  @Nullable String label(Row row) {
    return labelIndex < 0 ? null : text(row, labelIndex);
  }

  private static @Nullable String text(Row row, int at) {
    return row.isNullAt(at) ? null : String.valueOf(row.get(at));
  }
}
