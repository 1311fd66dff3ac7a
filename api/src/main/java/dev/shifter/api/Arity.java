package dev.shifter.api;

import java.util.ArrayList;
import java.util.List;

/**
 * How many values a meta-feature returns, and the key of each in target files and outputs. The first three
 * depend on the continuous columns only; the others on the whole {@link TableView}.
 */
public enum Arity {
  /** One value per continuous column: a vector of length {@code d}, keyed by the column's name. */
  PER_COLUMN,
  /**
   * One value per unordered pair of continuous columns: a vector of length {@code d(d-1)/2}, ordered (0,1),
   * (0,2), ..., (0,d-1), (1,2), ..., keyed {@code "a~b"}.
   */
  PER_PAIR,
  /** One value for the whole table: a vector of length 1, keyed {@code "value"}. */
  SCALAR,
  /**
   * One value per attribute (every column but the label, continuous and categorical) in table order, keyed
   * by the column's name.
   */
  PER_ATTRIBUTE,
  /**
   * One value per category of each categorical column, the label's last, keyed {@code "column=category"}
   * (for example {@code "class=h"}); the categories of a column in sorted order.
   */
  PER_CATEGORY,
  /** One value per class of the label, in sorted order, keyed {@code "label=class"}. */
  PER_CLASS,
  /**
   * One value per unordered pair of classes of the label, (0,1), (0,2), ..., (1,2), ... in sorted class order,
   * keyed {@code "a~b"}.
   */
  PER_CLASS_PAIR,
  /**
   * One value per ordered pair of distinct attributes, (A, B) for A in table order and then B in table order,
   * keyed {@code "A~B"}: both orders are present.
   */
  PER_ORDERED_PAIR;

  /** Separator between the two names of a pair label, as in {@code "age~hours-per-week"}. */
  public static final String PAIR_SEPARATOR = "~";

  /** Separator between a column and one of its categories, as in {@code "income=>50K"}. */
  public static final String CATEGORY_SEPARATOR = "=";

  /**
   * Tells whether the values depend on the continuous columns only, so that the arity's length and keys follow
   * from their names.
   *
   * @return true for {@link #PER_COLUMN}, {@link #PER_PAIR} and {@link #SCALAR}
   */
  public boolean continuousOnly() {
    return this == PER_COLUMN || this == PER_PAIR || this == SCALAR;
  }

  /**
   * Returns the length of the output vector for a matrix with {@code columns} continuous columns.
   *
   * @param columns the number of columns {@code d}
   * @return {@code d}, {@code d(d-1)/2} or 1
   * @throws InvalidInputException for an arity that depends on more than the continuous columns
   */
  public int outputLength(int columns) {
    return switch (this) {
      case PER_COLUMN -> columns;
      case PER_PAIR -> columns * (columns - 1) / 2;
      case SCALAR -> 1;
      default -> throw needsView();
    };
  }

  /**
   * Returns the length of the output vector for a table view.
   *
   * @param view the view
   * @return the number of entries, as {@link #labels(TableView)} lists them
   */
  public int outputLength(TableView view) {
    return labels(view).size();
  }

  /**
   * Returns the labels of the output entries, in output order: column names, {@code "a~b"} pairs or
   * {@code "value"}.
   *
   * @param columnNames the names of the matrix's columns, in order
   * @return one label per output entry
   * @throws InvalidInputException for an arity that depends on more than the continuous columns
   */
  public List<String> labels(List<String> columnNames) {
    return switch (this) {
      case PER_COLUMN -> List.copyOf(columnNames);
      case PER_PAIR -> unorderedPairs(columnNames);
      case SCALAR -> List.of("value");
      default -> throw needsView();
    };
  }

  /**
   * Returns the labels of the output entries for a table view, in output order.
   *
   * @param view the view
   * @return one label per output entry; empty for a class-aware arity when the view has no label
   */
  public List<String> labels(TableView view) {
    return switch (this) {
      case PER_COLUMN, PER_PAIR, SCALAR -> labels(view.continuousNames());
      case PER_ATTRIBUTE -> view.attributes();
      case PER_CATEGORY -> {
        List<String> labels = new ArrayList<>();
        for (CategoricalBlock block : view.categoricalWithLabel()) {
          block.categories().forEach(category -> labels.add(block.name() + CATEGORY_SEPARATOR + category));
        }
        yield List.copyOf(labels);
      }
      case PER_CLASS -> view.optLabel().map(label -> label.categories().stream()
          .map(c -> label.name() + CATEGORY_SEPARATOR + c).toList()).orElse(List.of());
      case PER_CLASS_PAIR -> view.optLabel().map(label -> unorderedPairs(label.categories())).orElse(List.of());
      case PER_ORDERED_PAIR -> {
        List<String> names = view.attributes();
        List<String> labels = new ArrayList<>();
        for (String a : names) {
          for (String b : names) {
            if (!a.equals(b)) {
              labels.add(a + PAIR_SEPARATOR + b);
            }
          }
        }
        yield List.copyOf(labels);
      }
    };
  }

  private static List<String> unorderedPairs(List<String> names) {
    List<String> labels = new ArrayList<>(names.size() * (names.size() - 1) / 2);
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        labels.add(names.get(i) + PAIR_SEPARATOR + names.get(j));
      }
    }
    return List.copyOf(labels);
  }

  private InvalidInputException needsView() {
    return new InvalidInputException("The arity " + this + " depends on the whole table, not only its continuous "
        + "columns: use outputLength(TableView) and labels(TableView).");
  }
}
