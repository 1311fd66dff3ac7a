package dev.shifter.ctgan.internal;

import dev.shifter.api.ArtifactException;
import dev.shifter.api.ColumnKind;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * What the transformer learnt about one column, in a form Jackson writes to and reads from the model
 * manifest. A continuous column has its modes (means, standard deviations, weights, in encoding order)
 * and no categories; a categorical column has its labels (sorted by {@link String#compareTo}, the
 * encoding order) and no modes. When {@code hasMissing} is true the column has one more slot after
 * these, standing for a missing value: the last mode of a continuous column, the last category of a
 * categorical one.
 *
 * @param name the column's name
 * @param kind continuous or categorical
 * @param hasMissing whether the fitted data had missing values, so that the encoding has a "missing" slot
 * @param means the modes' means (continuous only, else empty)
 * @param stds the modes' standard deviations, positive (continuous only, else empty)
 * @param weights the modes' weights, summing to 1 (continuous only, else empty)
 * @param categories the labels of the non-missing categories (categorical only, else empty)
 * @param range the smallest and largest value decoded values are clipped to (continuous only; empty for no
 *     clipping, as in a model written before the range was recorded)
 * @param decimals the decimals decoded values are rounded to (continuous only), or
 *     {@link ValueDomain#NOT_ROUNDED}
 */
public record ColumnState(String name, ColumnKind kind, boolean hasMissing, List<Double> means, List<Double> stds,
    List<Double> weights, List<String> categories, List<Double> range, int decimals) {

  /**
   * Checks the state; a state read from a damaged manifest is refused.
   *
   * @throws ArtifactException if a field is absent or the fields disagree
   */
  public ColumnState {
    String label = "Transformer state of column '" + name + "'";
    check(name != null && kind != null && means != null && stds != null && weights != null && categories != null
        && range != null, label + " lacks a field (name, kind, hasMissing, means, stds, weights, categories, range)");
    means = List.copyOf(means);
    stds = List.copyOf(stds);
    weights = List.copyOf(weights);
    categories = List.copyOf(categories);
    range = List.copyOf(range);
    if (kind == ColumnKind.CONTINUOUS) {
      check(!means.isEmpty() && means.size() == stds.size() && means.size() == weights.size(),
          label + " needs as many means, stds and weights, at least one each");
      check(categories.isEmpty(), label + " is continuous but lists categories");
      for (int k = 0; k < means.size(); k++) {
        check(Double.isFinite(means.get(k)) && stds.get(k) > 0 && Double.isFinite(stds.get(k))
            && weights.get(k) >= 0 && Double.isFinite(weights.get(k)), label + " has an invalid mode " + k);
      }
      check(range.isEmpty() || range.size() == 2 && Double.isFinite(range.get(0)) && Double.isFinite(range.get(1))
          && range.get(0) <= range.get(1), label + " has an invalid range " + range);
      check(decimals >= ValueDomain.NOT_ROUNDED && decimals <= ValueDomain.MAX_DECIMALS,
          label + " has an invalid number of decimals " + decimals);
    } else {
      check(means.isEmpty() && stds.isEmpty() && weights.isEmpty() && range.isEmpty()
          && decimals == ValueDomain.NOT_ROUNDED, label + " is categorical but lists modes or a range");
      check(!categories.isEmpty() || hasMissing, label + " has no category");
      check(new HashSet<>(categories).size() == categories.size(), label + " lists a category twice");
    }
  }

  /**
   * Describes a fitted continuous column.
   *
   * @param name the column's name
   * @param modes its modes
   * @param hasMissing whether it had missing values
   * @param domain where its decoded values may lie
   * @return the state
   */
  public static ColumnState ofContinuous(String name, GaussianModes modes, boolean hasMissing, ValueDomain domain) {
    List<Double> range = domain.equals(ValueDomain.UNBOUNDED) ? List.of() : List.of(domain.min(), domain.max());
    return new ColumnState(name, ColumnKind.CONTINUOUS, hasMissing, boxed(modes.means()), boxed(modes.stds()),
        boxed(modes.weights()), List.of(), range, domain.decimals());
  }

  /**
   * Describes a fitted categorical column.
   *
   * @param name the column's name
   * @param categories the non-missing labels in encoding order
   * @param hasMissing whether it had missing values
   * @return the state
   */
  public static ColumnState ofCategorical(String name, List<String> categories, boolean hasMissing) {
    return new ColumnState(name, ColumnKind.CATEGORICAL, hasMissing, List.of(), List.of(), List.of(), categories,
        List.of(), ValueDomain.NOT_ROUNDED);
  }

  /**
   * Returns the width of the column's one-hot block: modes or categories, plus one for "missing".
   *
   * @return the number of slots
   */
  public int slots() {
    return (kind == ColumnKind.CONTINUOUS ? means.size() : categories.size()) + (hasMissing ? 1 : 0);
  }

  /**
   * Returns the modes of a continuous column.
   *
   * @return the modes
   * @throws IllegalStateException for a categorical column
   */
  public GaussianModes modes() {
    if (kind != ColumnKind.CONTINUOUS) {
      throw new IllegalStateException("Column '" + name + "' is categorical and has no modes.");
    }
    return new GaussianModes(unboxed(means), unboxed(stds), unboxed(weights));
  }

  /**
   * Returns where a continuous column's decoded values may lie.
   *
   * @return the recorded range and decimals; unbounded where none was recorded
   */
  public ValueDomain domain() {
    if (range.isEmpty()) {
      return new ValueDomain(ValueDomain.UNBOUNDED.min(), ValueDomain.UNBOUNDED.max(), decimals);
    }
    return new ValueDomain(range.get(0), range.get(1), decimals);
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static double[] unboxed(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new ArtifactException(message + ". The model manifest is damaged or was edited by hand: restore it "
          + "from a backup or fit the model again.");
    }
  }
}
