package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.shifter.api.CategoricalBlock;
import dev.shifter.api.TableView;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One attribute as pymfe's information-theory features see it: a categorical column, or a numeric one cut
 * into {@link EqualFrequencyBins}, as integer codes over the values that occur, with a one-hot over the same
 * codes that carries the gradient (a straight-through relaxation for numeric columns, the column's own block
 * for categorical ones).
 *
 * @param name the column's name
 * @param codes each row's code, {@code 0 .. size - 1}
 * @param size the number of values that occur
 * @param gradient the {@code n x size} one-hot (exact forward) that carries the gradient, or {@code null} when
 *     the view needs none (then no one-hot is built: a numeric column's would take {@code n x n^(1/3)} floats)
 */
public record Attribute(String name, int[] codes, int size, @Nullable NDArray gradient) {

  /**
   * The one-hot that carries the gradient.
   *
   * @return the one-hot
   * @throws IllegalStateException if the attribute was built without one
   */
  public NDArray oneHot() {
    if (gradient == null) {
      throw new IllegalStateException("attribute '" + name + "' was built without its gradient path");
    }
    return gradient;
  }

  /**
   * Every attribute of a view (every column but the label), in table order.
   *
   * @param view the view
   * @return the attributes
   */
  public static List<Attribute> all(TableView view) {
    boolean gradient = view.needsGradients();
    List<Attribute> attributes = new ArrayList<>();
    for (String name : view.attributes()) {
      int column = view.continuousNames().indexOf(name);
      if (column >= 0) {
        attributes.add(numeric(name, view.continuous().get(":, " + column + ":" + (column + 1)), gradient));
      } else {
        CategoricalBlock block = view.categorical(name).orElseThrow();
        attributes.add(categorical(block, gradient));
      }
    }
    return List.copyOf(attributes);
  }

  /**
   * The label of a view as an attribute.
   *
   * @param view the view
   * @param feature the feature's name, for the message if there is no label
   * @return the label's codes and one-hot
   */
  public static Attribute label(TableView view, String feature) {
    return categorical(view.requireLabel(feature), view.needsGradients());
  }

  /**
   * A categorical column, its codes restricted to the categories that occur.
   *
   * @param block the column's one-hot block
   * @param gradient whether to keep the block as the gradient path
   * @return the attribute
   */
  public static Attribute categorical(CategoricalBlock block, boolean gradient) {
    int[] raw = OneHot.codes(block.oneHot());
    int k = block.size();
    int[] remap = new int[k];
    boolean[] used = new boolean[k];
    for (int code : raw) {
      used[code] = true;
    }
    int size = 0;
    List<Integer> kept = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      remap[j] = used[j] ? size++ : -1;
      if (used[j]) {
        kept.add(j);
      }
    }
    int[] codes = new int[raw.length];
    for (int r = 0; r < raw.length; r++) {
      codes[r] = remap[raw[r]];
    }
    if (!gradient) {
      return new Attribute(block.name(), codes, size, null);
    }
    NDArray oneHot = block.oneHot();
    if (size < k) {
      NDManager manager = oneHot.getManager();
      oneHot = oneHot.get(":, {}", manager.create(kept.stream().mapToLong(Integer::longValue).toArray()));
    }
    return new Attribute(block.name(), codes, size, oneHot);
  }

  private static Attribute numeric(String name, NDArray column, boolean gradient) {
    double[] values = column.toType(DataType.FLOAT64, false).toDoubleArray();
    EqualFrequencyBins bins = EqualFrequencyBins.of(values);
    return new Attribute(name, bins.codes(), bins.size(), gradient ? bins.relaxed(column, values) : null);
  }
}
