package dev.shifter.ctgan.internal;

import dev.shifter.api.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VarCharVector;
import org.jspecify.annotations.Nullable;

/**
 * Encodes and decodes one categorical column as a one-hot block: the labels in their fitted order,
 * then, when the column had missing values, one slot for "missing".
 */
final class CategoricalCodec {
  private final String name;
  private final List<String> labels;
  private final Map<String, Integer> index = new HashMap<>();
  private final boolean hasMissing;
  private final int offset;

  CategoricalCodec(String name, List<String> labels, boolean hasMissing, int offset) {
    this.name = name;
    this.labels = List.copyOf(labels);
    this.hasMissing = hasMissing;
    this.offset = offset;
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
  }

  /** Returns the number of categories, the missing one included. */
  int width() {
    return labels.size() + (hasMissing ? 1 : 0);
  }

  int offset() {
    return offset;
  }

  String name() {
    return name;
  }

  /**
   * Copies a column out of Arrow memory, missing values as {@code null}.
   *
   * @return one label per row
   */
  static @Nullable String[] read(VarCharVector vector, int rows) {
    @Nullable String[] values = new String[rows];
    for (int i = 0; i < rows; i++) {
      values[i] = vector.isNull(i) ? null : new String(vector.get(i), StandardCharsets.UTF_8);
    }
    return values;
  }

  /**
   * Maps each row's label to its category index.
   *
   * @throws InvalidInputException on a label not seen when fitting, or an unexpected missing value
   */
  int[] categories(@Nullable String[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      String label = values[i];
      if (label == null) {
        if (!hasMissing) {
          throw new InvalidInputException("Column '" + name + "' has a missing value in row " + i + ", but it had "
              + "none when the transformer was fitted. Fit the transformer on data with missing values in '"
              + name + "', or fill them in first.");
        }
        out[i] = labels.size();
      } else {
        Integer category = index.get(label);
        if (category == null) {
          throw new InvalidInputException("Column '" + name + "' has the category '" + label + "' in row " + i
              + ", which the transformer did not see when it was fitted. Known categories: "
              + String.join(", ", labels) + ". Fit the transformer on data that includes it.");
        }
        out[i] = category;
      }
    }
    return out;
  }

  /** Writes the one-hot blocks into rows of {@code out}. */
  void encode(int[] categories, float[] out, int width) {
    for (int i = 0; i < categories.length; i++) {
      out[i * width + offset + categories[i]] = 1.0f;
    }
  }

  /** Decodes the column from activated rows: the label of the argmax, {@code null} for missing. */
  @Nullable String[] decode(float[] rows, int count, int width) {
    @Nullable String[] out = new String[count];
    int slots = width();
    ChunkedRows.forEach(count, (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        int category = Argmax.of(rows, i * width + offset, slots);
        out[i] = category < labels.size() ? labels.get(category) : null;
      }
    });
    return out;
  }
}
