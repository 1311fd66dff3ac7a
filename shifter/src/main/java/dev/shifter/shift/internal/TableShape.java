package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.Arity;
import dev.shifter.api.CategoricalBlock;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.TableView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The columns and categories of a generator's {@link GeneratorAdapter#generateView table view}, learnt from
 * one generated row: what the entries of a whole-table meta-feature are called, so that targets can be
 * checked before any training.
 */
final class TableShape {
  private static final int SHOWN = 12;

  private final Map<Arity, List<String>> labels;
  private final List<Column> blocks;
  private final @Nullable String label;

  private TableShape(Map<Arity, List<String>> labels, List<Column> blocks, @Nullable String label) {
    this.labels = labels;
    this.blocks = blocks;
    this.label = label;
  }

  /**
   * Reads the shape of a generator's view.
   *
   * @param adapter the generator
   * @param label the label column, or {@code null}
   * @return the shape
   * @throws dev.shifter.api.InvalidInputException if the label is not a categorical column of the generator
   */
  static TableShape of(GeneratorAdapter adapter, @Nullable String label) {
    try (NDManager scratch = NDManager.newBaseManager()) {
      NDArray z = scratch.zeros(new Shape(1, adapter.latentDim()));
      NDArray cond = scratch.zeros(new Shape(1, adapter.condDim()));
      TableView view = adapter.generateView(z, cond, label);
      Map<Arity, List<String>> labels = new EnumMap<>(Arity.class);
      for (Arity arity : Arity.values()) {
        labels.put(arity, arity.labels(view));
      }
      List<Column> blocks = new ArrayList<>();
      for (CategoricalBlock block : view.categoricalWithLabel()) {
        blocks.add(new Column(block.name(), block.categories()));
      }
      return new TableShape(labels, blocks, label);
    }
  }

  /**
   * The categorical columns, the label last.
   *
   * @return their names
   */
  List<String> categorical() {
    return blocks.stream().map(Column::name).toList();
  }

  /**
   * Finds the output of an entry among the feature's entries on the view.
   *
   * @param entry the target entry
   * @param arity the feature's arity
   * @param problems where a problem is added, with its fix
   * @return the output's index, or -1 after adding a problem
   */
  int outputOf(TargetSpec entry, Arity arity, List<String> problems) {
    List<String> names = labels.getOrDefault(arity, List.of());
    int index = names.indexOf(entry.key());
    if (index >= 0) {
      return index;
    }
    String key = entry.key();
    if (arity == Arity.PER_CATEGORY || arity == Arity.PER_CLASS) {
      int at = key.indexOf(Arity.CATEGORY_SEPARATOR);
      String column = at < 0 ? key : key.substring(0, at);
      Optional<Column> block = blocks.stream().filter(b -> b.name().equals(column)).findFirst();
      if (at < 0 || block.isEmpty()) {
        problems.add(entry.label() + ": " + entry.feature() + " has one value per category" + (arity == Arity.PER_CLASS
            ? " of the label" : "") + "; key it as \"column=category\" with "
            + (arity == Arity.PER_CLASS ? "the label '" + label + "'" : "one of the categorical columns "
                + String.join(", ", categorical())) + (names.isEmpty() ? "" : ", e.g. \"" + names.get(0) + "\"") + ".");
      } else {
        problems.add(entry.label() + ": column '" + column + "' has no category '" + key.substring(at + 1)
            + "'. Its categories are: " + shown(block.get().categories()) + ".");
      }
      return -1;
    }
    problems.add(entry.label() + ": " + entry.feature() + " has no entry '" + key + "'. "
        + (names.isEmpty() ? "It has no entry on this generator's table." : "Its entries are: " + shown(names) + "."));
    return -1;
  }

  /** A categorical column's name and categories. */
  private record Column(String name, List<String> categories) {}

  private static String shown(List<String> names) {
    if (names.size() <= SHOWN) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, SHOWN)) + ", ... (" + names.size() + " in all)";
  }
}
