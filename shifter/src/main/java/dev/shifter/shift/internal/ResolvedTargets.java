package dev.shifter.shift.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.Arity;
import dev.shifter.api.RegisteredMetaFeature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Targets mapped to the meta-features that compute them: {@link #values} gives the targeted entries
 * of a generated batch as one vector, with a graph back to the batch.
 */
public final class ResolvedTargets {
  private final List<TargetSpec> entries;
  private final List<FeatureGroup> groups;
  private final List<String> columns;

  ResolvedTargets(List<TargetSpec> entries, List<FeatureGroup> groups, List<String> columns) {
    this.entries = List.copyOf(entries);
    this.groups = List.copyOf(groups);
    this.columns = List.copyOf(columns);
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
   * Returns the continuous columns whose own distribution an entry targets: the columns of per-column
   * entries (a mean, a skewness, a quantile), in column order.
   *
   * @return the column names
   */
  public List<String> targetedColumns() {
    Set<String> named = new HashSet<>();
    for (FeatureGroup group : groups) {
      if (group.feature().feature().arity() == Arity.PER_COLUMN) {
        for (int entry : group.entries()) {
          named.add(entries.get(entry).key());
        }
      }
    }
    return columns.stream().filter(named::contains).toList();
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
   * Computes the targeted entries of a batch. Each feature is computed once, on the columns its entries
   * need; intermediate arrays land in {@code x}'s manager.
   *
   * <p>Columns and entries are picked with constant 0/1 selection matrices (matrix products), which
   * the engine allocates natively ({@link Constants#of}), so autograd never holds an operand that
   * Java may free before the backward pass.
   *
   * @param x the continuous columns, {@code n x d} float32
   * @return a float32 vector of length {@link #size()}, in target order
   */
  public NDArray values(NDArray x) {
    NDManager manager = x.getManager();
    int k = entries.size();
    NDArray total = null;
    for (FeatureGroup group : groups) {
      NDArray input = group.columns().length == columns.size() && isIdentity(group.columns()) ? x
          : x.matMul(columnSelector(manager, group.columns()));
      NDArray output = group.feature().compute(input);
      int length = Math.toIntExact(output.getShape().get(0));
      float[] placement = new float[length * k];
      for (int i = 0; i < group.entries().length; i++) {
        placement[group.outputs()[i] * k + group.entries()[i]] = 1f;
      }
      NDArray picked = output.reshape(1, length).matMul(Constants.of(manager, placement, new Shape(length, k)));
      total = total == null ? picked : total.add(picked);
    }
    if (total == null) {
      throw new IllegalStateException("No feature group");
    }
    return total.reshape(k);
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
