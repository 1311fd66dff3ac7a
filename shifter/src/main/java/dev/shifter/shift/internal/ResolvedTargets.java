package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.Arity;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.TableView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * Targets mapped to the meta-features that compute them: {@link #values} gives the targeted entries
 * of a generated batch as one vector, with a graph back to the batch.
 */
public final class ResolvedTargets {
  private final List<TargetSpec> entries;
  private final List<FeatureGroup> groups;
  private final List<String> columns;
  private final List<String> categorical;
  private final @Nullable String label;

  ResolvedTargets(List<TargetSpec> entries, List<FeatureGroup> groups, List<String> columns,
      List<String> categorical, @Nullable String label) {
    this.entries = List.copyOf(entries);
    this.groups = List.copyOf(groups);
    this.columns = List.copyOf(columns);
    this.categorical = List.copyOf(categorical);
    this.label = label;
  }

  /**
   * Tells whether an entry is a meta-feature of the whole table (its categorical columns or its label), so
   * that batches must be measured on their {@link TableView}.
   *
   * @return true if {@link #values(TableView)} is needed
   */
  public boolean needsView() {
    return groups.stream().anyMatch(FeatureGroup::wholeTable);
  }

  /**
   * The label column the entries were resolved with.
   *
   * @return its name, or {@code null}
   */
  public @Nullable String label() {
    return label;
  }

  /**
   * Returns the entries in target order.
   *
   * @return the entries
   */
  public List<TargetSpec> entries() {
    return entries;
  }

  /**
   * Returns the number of targeted entries.
   *
   * @return {@code k}
   */
  public int size() {
    return entries.size();
  }

  /**
   * Returns the meta-features the entries use, each once, in the order of first use.
   *
   * @return the registered features
   */
  public List<RegisteredMetaFeature> features() {
    return groups.stream().map(FeatureGroup::feature).toList();
  }

  /**
   * Returns the columns whose own distribution an entry targets: the continuous columns of per-column
   * entries (a mean, a skewness, a quantile), in column order, then those a whole-table entry names (a
   * category's column, an attribute, the label of a class-aware feature), continuous ones first, then the
   * categorical ones in table order.
   *
   * @return the column names
   */
  public List<String> targetedColumns() {
    Set<String> named = new HashSet<>();
    for (FeatureGroup group : groups) {
      if (group.wholeTable()) {
        for (int entry : group.entries()) {
          named.addAll(namedBy(entries.get(entry).key()));
          if (group.feature().feature().needsLabel() && label != null) {
            named.add(label);
          }
        }
      } else if (group.feature().feature().arity() == Arity.PER_COLUMN) {
        for (int entry : group.entries()) {
          named.add(entries.get(entry).key());
        }
      }
    }
    List<String> targeted = new ArrayList<>(columns.stream().filter(named::contains).toList());
    categorical.stream().filter(named::contains).forEach(targeted::add);
    return List.copyOf(targeted);
  }

  /** The columns a whole-table entry's key names: {@code col=value}, {@code A~B}, or an attribute. */
  private List<String> namedBy(String key) {
    List<String> named = new ArrayList<>();
    for (String part : key.split(Arity.PAIR_SEPARATOR, -1)) {
      int at = part.indexOf(Arity.CATEGORY_SEPARATOR);
      String column = at < 0 ? part : part.substring(0, at);
      if (columns.contains(column) || categorical.contains(column)) {
        named.add(column);
      }
    }
    return named;
  }

  /**
   * Returns the columns an entry is computed on: its column, its pair, or every column for a
   * whole-table feature.
   *
   * @param entry the entry's index
   * @return indices into {@link #columns()}
   */
  public int[] columnsOf(int entry) {
    String key = entries.get(entry).key();
    List<Integer> named = new ArrayList<>();
    for (String part : key.split(Arity.PAIR_SEPARATOR, -1)) {
      int index = columns.indexOf(part);
      if (index >= 0) {
        named.add(index);
      }
    }
    if (named.isEmpty()) {
      return IntStream.range(0, columns.size()).toArray();
    }
    return named.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Returns the generator's continuous columns the entries refer to.
   *
   * @return the column names, in order
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * Computes the targeted entries of a batch of continuous columns.
   *
   * @param x the continuous columns, {@code n x d} float32
   * @return a float32 vector of length {@link #size()}, in target order
   * @throws IllegalStateException if an entry needs the whole table ({@link #needsView()})
   */
  public NDArray values(NDArray x) {
    if (needsView()) {
      throw new IllegalStateException("A whole-table target needs the batch's table view");
    }
    return values(x, null);
  }

  /**
   * Computes the targeted entries of a batch. Each feature is computed once, on the columns its entries
   * need (a whole-table feature on the view); intermediate arrays land in the view's manager.
   *
   * <p>Columns and entries are picked with constant 0/1 selection matrices (matrix products), which
   * the engine allocates natively ({@link Constants#of}), so autograd never holds an operand that
   * Java may free before the backward pass.
   *
   * @param view the batch's view, its continuous columns those of {@link #columns()}
   * @return a float32 vector of length {@link #size()}, in target order; NaN (and no gradient) for an
   *     entry the view lacks, such as a category that no row of a generated table has
   */
  public NDArray values(TableView view) {
    return values(view.continuous(), view);
  }

  /**
   * Generates rows and computes the targeted entries on them: on the rows' {@link TableView} when an entry
   * needs the whole table, else on their continuous columns.
   *
   * @param adapter the generator
   * @param z the noise
   * @param cond the conditional vectors
   * @return a float32 vector of length {@link #size()}, with a graph back to {@code z}
   */
  public NDArray valuesOf(GeneratorAdapter adapter, NDArray z, NDArray cond) {
    return needsView() ? values(adapter.generateView(z, cond, label))
        : values(adapter.generateDifferentiable(z, cond));
  }

  private NDArray values(NDArray x, @Nullable TableView view) {
    NDManager manager = x.getManager();
    int k = entries.size();
    NDArray total = null;
    for (FeatureGroup group : groups) {
      NDArray output;
      if (group.wholeTable()) {
        output = group.feature().compute(Objects.requireNonNull(view, "view"));
      } else {
        NDArray input = group.columns().length == columns.size() && isIdentity(group.columns()) ? x
            : x.matMul(columnSelector(manager, group.columns()));
        output = group.feature().compute(input);
      }
      if (output.getDataType() != DataType.FLOAT32) {
        output = output.toType(DataType.FLOAT32, false);
      }
      int length = Math.toIntExact(output.getShape().get(0));
      int[] outputs = group.wholeTable() ? outputsByName(group, Objects.requireNonNull(view, "view"))
          : group.outputs();
      if (Arrays.stream(outputs).anyMatch(o -> o < 0)) {
        float[] values = output.toFloatArray();
        float[] placed = new float[k];
        for (int i = 0; i < outputs.length; i++) {
          placed[group.entries()[i]] = outputs[i] < 0 ? Float.NaN : values[outputs[i]];
        }
        NDArray picked = Constants.of(manager, placed, new Shape(1, k));
        total = total == null ? picked : total.add(picked);
        continue;
      }
      float[] placement = new float[length * k];
      for (int i = 0; i < group.entries().length; i++) {
        placement[outputs[i] * k + group.entries()[i]] = 1f;
      }
      NDArray picked = output.reshape(1, length).matMul(Constants.of(manager, placement, new Shape(length, k)));
      total = total == null ? picked : total.add(picked);
    }
    if (total == null) {
      throw new IllegalStateException("No feature group");
    }
    return total.reshape(k);
  }

  /**
   * Finds each entry of a whole-table group among the feature's entries on this view, by name: a view of
   * a generated table lists only the categories its rows have, so positions differ from the generator's.
   * An entry the view lacks (a category no row has) gets -1.
   */
  private int[] outputsByName(FeatureGroup group, TableView view) {
    List<String> names = group.feature().feature().arity().labels(view);
    int[] outputs = new int[group.entries().length];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = names.indexOf(entries.get(group.entries()[i]).key());
    }
    return outputs;
  }

  private static boolean isIdentity(int[] wanted) {
    for (int i = 0; i < wanted.length; i++) {
      if (wanted[i] != i) {
        return false;
      }
    }
    return true;
  }

  private NDArray columnSelector(NDManager manager, int[] wanted) {
    float[] selector = new float[columns.size() * wanted.length];
    for (int j = 0; j < wanted.length; j++) {
      selector[wanted[j] * wanted.length + j] = 1f;
    }
    return Constants.of(manager, selector, new Shape(columns.size(), wanted.length));
  }
}
