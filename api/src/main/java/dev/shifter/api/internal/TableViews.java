package dev.shifter.api.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.CategoricalBlock;
import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.ContinuousMatrix;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import dev.shifter.api.TableView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link TableView} of an Arrow {@link Table}: the rows with a value in every column used, the
 * continuous columns as a float32 matrix, each categorical column as a one-hot block over its sorted
 * categories. A continuous column named as the label is read as classes (its numbers written as text).
 */
public final class TableViews {

  private TableViews() {}

  /**
   * The view of a table.
   *
   * @param table the table
   * @param manager the manager that will own the view's arrays
   * @param continuous the continuous columns to use (for example those not entirely missing)
   * @param label the label column, or {@code null}
   * @return the view
   * @throws InvalidInputException if the label is not a column of the table
   */
  public static TableView of(Table table, NDManager manager, List<String> continuous, @Nullable String label) {
    if (label != null && !table.columnNames().contains(label)) {
      throw new InvalidInputException("The label column '" + label + "' is not in the table. Its columns are: "
          + String.join(", ", table.columnNames()) + ".");
    }
    List<String> categoricalNames = new ArrayList<>();
    List<String> attributes = new ArrayList<>();
    for (ColumnSpec column : table.columns()) {
      String name = column.name();
      if (name.equals(label)) {
        continue;
      }
      if (column.kind() == ColumnKind.CONTINUOUS) {
        if (continuous.contains(name)) {
          attributes.add(name);
        }
      } else if (!allMissing(table, name)) {
        categoricalNames.add(name);
        attributes.add(name);
      }
    }
    List<String> usedContinuous = continuous.stream().filter(name -> !name.equals(label)).toList();
    int rows = table.rowCount();
    boolean[] complete = new boolean[rows];
    Arrays.fill(complete, true);
    List<String> checked = new ArrayList<>(usedContinuous);
    checked.addAll(categoricalNames);
    if (label != null) {
      checked.add(label);
    }
    for (String name : checked) {
      if (table.arrow().getVector(name).getNullCount() > 0) {
        for (int row = 0; row < rows; row++) {
          complete[row] &= !table.arrow().getVector(name).isNull(row);
        }
      }
    }
    int[] kept = indices(complete);
    NDArray matrix = continuousMatrix(table, manager, usedContinuous, kept);
    List<CategoricalBlock> blocks = new ArrayList<>();
    for (String name : categoricalNames) {
      blocks.add(block(table, manager, name, kept));
    }
    CategoricalBlock labelBlock = label == null ? null : block(table, manager, label, kept);
    return new TableView(matrix, usedContinuous, blocks, labelBlock, attributes);
  }

  /**
   * The view of some rows of a view, in the given order (repeats allowed), as a bootstrap resample.
   *
   * @param view the view
   * @param manager the manager that will own the new arrays
   * @param rows the row indices
   * @return the new view
   */
  public static TableView take(TableView view, NDManager manager, int[] rows) {
    NDArray index = manager.create(rows);
    List<CategoricalBlock> blocks = new ArrayList<>();
    for (CategoricalBlock block : view.categorical()) {
      blocks.add(new CategoricalBlock(block.name(), block.categories(), rowsOf(block.oneHot(), index, manager)));
    }
    CategoricalBlock label = view.label();
    CategoricalBlock taken = label == null ? null
        : new CategoricalBlock(label.name(), label.categories(), rowsOf(label.oneHot(), index, manager));
    return new TableView(rowsOf(view.continuous(), index, manager), view.continuousNames(), blocks, taken,
        view.attributes(), view.gradients());
  }

  private static NDArray rowsOf(NDArray array, NDArray index, NDManager manager) {
    if (array.getShape().get(1) == 0) {
      return manager.zeros(new Shape(index.getShape().get(0), 0));
    }
    NDArray taken = array.get(index);
    taken.attach(manager);
    return taken;
  }

  private static boolean allMissing(Table table, String name) {
    return table.rowCount() > 0 && table.arrow().getVector(name).getNullCount() == table.rowCount();
  }

  private static int[] indices(boolean[] keep) {
    int[] kept = new int[keep.length];
    int count = 0;
    for (int i = 0; i < keep.length; i++) {
      if (keep[i]) {
        kept[count++] = i;
      }
    }
    return Arrays.copyOf(kept, count);
  }

  private static NDArray continuousMatrix(Table table, NDManager manager, List<String> names, int[] kept) {
    if (names.isEmpty()) {
      return manager.zeros(new Shape(kept.length, 0));
    }
    try (ContinuousMatrix full = table.toMatrix(manager, names)) {
      NDArray values = full.values();
      if (full.droppedRows() == 0 && kept.length == table.rowCount()) {
        NDArray copy = values.duplicate();
        copy.attach(manager);
        return copy;
      }
      int[] position = new int[table.rowCount()];
      int next = 0;
      for (int row = 0; row < table.rowCount(); row++) {
        boolean present = true;
        for (String name : names) {
          present &= !table.continuous(name).isNull(row);
        }
        position[row] = present ? next++ : -1;
      }
      int[] picked = new int[kept.length];
      for (int i = 0; i < kept.length; i++) {
        picked[i] = position[kept[i]];
      }
      try (NDManager scratch = manager.newSubManager()) {
        NDArray rows = values.get(scratch.create(picked));
        rows.attach(manager);
        return rows;
      }
    }
  }

  private static CategoricalBlock block(Table table, NDManager manager, String name, int[] kept) {
    String[] texts = new String[kept.length];
    boolean continuous = table.column(name).kind() == ColumnKind.CONTINUOUS;
    for (int i = 0; i < kept.length; i++) {
      texts[i] = continuous ? number(table.continuous(name).get(kept[i]))
          : String.valueOf(table.categoricalValue(name, kept[i]));
    }
    List<String> categories = List.copyOf(new TreeSet<>(Arrays.asList(texts)));
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < categories.size(); k++) {
      index.put(categories.get(k), k);
    }
    int width = categories.size();
    float[] oneHot = new float[kept.length * width];
    for (int i = 0; i < kept.length; i++) {
      oneHot[i * width + index.getOrDefault(texts[i], 0)] = 1f;
    }
    return new CategoricalBlock(name, categories, manager.create(oneHot, new Shape(kept.length, width)));
  }

  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
