package dev.shifter.spark.internal;

import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;

/** Turns the seeded sample's rows back into a table on the driver, for the features computed on it. */
public final class SampleTables {

  private SampleTables() {}

  /**
   * Builds the table of the sampled rows: the layout's continuous and categorical columns, then its label.
   *
   * @param layout the columns
   * @param rows the sampled rows
   * @param allocator owns the table
   * @return the table; the caller closes it
   */
  public static Table of(ColumnLayout layout, List<SampledRow> rows, BufferAllocator allocator) {
    try (TableBuilder builder = new TableBuilder(allocator)) {
      List<String> continuous = layout.continuousNames();
      for (int j = 0; j < continuous.size(); j++) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = rows.get(i).continuous()[j];
        }
        builder.addContinuous(continuous.get(j), values);
      }
      List<String> categorical = layout.categoricalNames();
      for (int j = 0; j < categorical.size(); j++) {
        builder.addCategorical(categorical.get(j), texts(rows, j));
      }
      String label = layout.labelName();
      if (label != null) {
        builder.addCategorical(label, texts(rows, categorical.size()));
      }
      return builder.build();
    }
  }

  private static @Nullable String[] texts(List<SampledRow> rows, int column) {
    @Nullable String[] values = new String[rows.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = rows.get(i).categorical()[column];
    }
    return values;
  }
}
