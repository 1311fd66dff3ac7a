package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.internal.TableViews;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The meta-feature values of a table, the one computation that the command line, the report, the demo and
 * the benchmarks share. The features see the table's {@link TableView}: its continuous columns that hold at
 * least one value (columns with no value at all are left out and listed in {@link #emptyColumns()}), its
 * categorical columns and the label, if one is named, on the rows that have a value in every one of them
 * (the others are counted in {@link #droppedRows()}). A feature that fails is
 * listed in {@link #failures()}; the others are still computed.
 *
 * @param values per feature name, per entry key ({@code "age"}, {@code "age~income"}, ...), the value; in
 *     the order of the features and of their entries
 * @param failures the features that failed, in order
 * @param columns the continuous columns the features saw
 * @param rows the number of rows the features saw; 0 when no row had a value in every column, and then
 *     nothing was computed
 * @param droppedRows the rows left out for a missing value
 * @param emptyColumns the continuous columns left out because they hold no value
 * @param needLabel the class-aware features left out because no label column was named
 */
public record MetaFeatureValues(Map<String, Map<String, Double>> values, List<Failure> failures,
    List<String> columns, int rows, int droppedRows, List<String> emptyColumns, List<String> needLabel) {
  /** Seeds the resampling of the whole view apart from the continuous one's, which keeps its old draws. */
  private static final long WHOLE_VIEW_STREAM = 0x9E3779B97F4A7C15L;

  /**
   * A feature that could not be computed.
   *
   * @param feature the feature's name
   * @param error why
   */
  public record Failure(String feature, ShifterException error) {

    /**
     * Describes the failure in one line.
     *
     * @return {@code "feature: message"}
     */
    public String describe() {
      return feature + ": " + error.getMessage();
    }
  }

  /** Copies the collections, keeping their order. */
  public MetaFeatureValues {
    Map<String, Map<String, Double>> copy = new LinkedHashMap<>();
    values.forEach((name, entries) -> copy.put(name, Collections.unmodifiableMap(
        new LinkedHashMap<>(entries))));
    values = Collections.unmodifiableMap(copy);
    failures = List.copyOf(failures);
    columns = List.copyOf(columns);
    emptyColumns = List.copyOf(emptyColumns);
    needLabel = List.copyOf(needLabel);
  }

  /**
   * Computes every feature of a registry on a table, without a label (class-aware features are left out and
   * listed in {@link #needLabel()}).
   *
   * @param table the table
   * @param registry the features
   * @return the values
   */
  public static MetaFeatureValues of(Table table, MetaFeatureRegistry registry) {
    return of(table, registry.all(), null);
  }

  /**
   * Computes every feature of a registry on a table with a label column.
   *
   * @param table the table
   * @param registry the features
   * @param label the label column (the class)
   * @return the values
   */
  public static MetaFeatureValues of(Table table, MetaFeatureRegistry registry, String label) {
    return of(table, registry.all(), label);
  }

  /**
   * Computes the given features on a table, without a label.
   *
   * @param table the table
   * @param features the features, in the order the values keep
   * @return the values
   */
  public static MetaFeatureValues of(Table table, List<RegisteredMetaFeature> features) {
    return of(table, features, null);
  }

  /**
   * Computes the given features on a table's {@link TableView}: the rows with a value in every column.
   *
   * @param table the table
   * @param features the features, in the order the values keep
   * @param label the label column, or {@code null} for none
   * @return the values
   */
  public static MetaFeatureValues of(Table table, List<RegisteredMetaFeature> features, @Nullable String label) {
    List<String> empty = new ArrayList<>();
    List<String> used = usableColumns(table, empty);
    Map<String, Map<String, Double>> values = new LinkedHashMap<>();
    List<Failure> failures = new ArrayList<>();
    List<String> needLabel = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      Views views = Views.of(table, manager, used, label);
      for (RegisteredMetaFeature feature : features) {
        TableView view = views.of(feature);
        if (view.rows() == 0 || !applies(feature, view, needLabel)) {
          continue;
        }
        try {
          values.put(feature.name(), entries(feature, view, manager));
        } catch (ShifterException e) {
          failures.add(new Failure(feature.name(), e));
        }
      }
      return new MetaFeatureValues(values, failures, used, views.continuousRows(), views.continuousDropped(),
          empty, needLabel);
    }
  }

  /**
   * The two views the features see: a feature of the continuous columns alone sees the rows complete in
   * them, a feature of the whole table the rows complete in every column (built when first needed).
   */
  private static final class Views {
    private final Table table;
    private final NDManager manager;
    private final List<String> used;
    private final @Nullable String label;
    private final TableView continuous;
    private final int continuousDropped;
    private @Nullable TableView whole;

    private Views(Table table, NDManager manager, List<String> used, @Nullable String label) {
      this.table = table;
      this.manager = manager;
      this.used = used;
      this.label = label;
      if (used.isEmpty()) {
        continuous = TableView.ofContinuous(manager.zeros(new Shape(table.rowCount(), 0)), List.of());
        continuousDropped = 0;
      } else {
        ContinuousMatrix matrix = table.toMatrix(manager, used);
        continuous = TableView.ofContinuous(matrix.values(), used);
        continuousDropped = matrix.droppedRows();
      }
    }

    static Views of(Table table, NDManager manager, List<String> used, @Nullable String label) {
      return new Views(table, manager, used, label);
    }

    int continuousRows() {
      return used.isEmpty() ? 0 : continuous.rows();
    }

    int continuousDropped() {
      return continuousDropped;
    }

    TableView of(RegisteredMetaFeature feature) {
      if (!feature.needsWholeTable()) {
        return continuous;
      }
      TableView view = whole;
      if (view == null) {
        view = TableViews.of(table, manager, used, label);
        whole = view;
      }
      return view;
    }
  }

  /**
   * Estimates each entry's sampling noise: the standard deviation of the features over bootstrap resamples of
   * the table's rows, without a label.
   *
   * @param table the table
   * @param features the features
   * @param resamples the number of resamples, 2 or more for a standard deviation
   * @param seed the seed of the resampling
   * @return per feature and entry the bootstrap standard deviation (no values when fewer than two rows
   *     have a value in every column)
   */
  public static MetaFeatureValues bootstrapSd(Table table, List<RegisteredMetaFeature> features, int resamples,
      long seed) {
    return bootstrapSd(table, features, null, resamples, seed);
  }

  /**
   * Estimates each entry's sampling noise: the standard deviation of the features over bootstrap resamples of
   * the rows of the table's view.
   *
   * @param table the table
   * @param features the features
   * @param label the label column, or {@code null} for none
   * @param resamples the number of resamples, 2 or more for a standard deviation
   * @param seed the seed of the resampling
   * @return per feature and entry the bootstrap standard deviation (no values when fewer than two rows
   *     have a value in every column)
   */
  public static MetaFeatureValues bootstrapSd(Table table, List<RegisteredMetaFeature> features,
      @Nullable String label, int resamples, long seed) {
    List<String> empty = new ArrayList<>();
    List<String> used = usableColumns(table, empty);
    Map<String, List<Map<String, Double>>> draws = new LinkedHashMap<>();
    Map<String, Failure> failures = new LinkedHashMap<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      Views views = Views.of(table, manager, used, label);
      List<RegisteredMetaFeature> continuousFeatures = new ArrayList<>();
      List<RegisteredMetaFeature> wholeFeatures = new ArrayList<>();
      List<String> needLabel = new ArrayList<>();
      for (RegisteredMetaFeature feature : features) {
        TableView view = views.of(feature);
        if (applies(feature, view, needLabel)) {
          (view == views.continuous ? continuousFeatures : wholeFeatures).add(feature);
        }
      }
      resample(views.continuous, continuousFeatures, resamples, new SplittableRandom(seed), manager, draws, failures);
      if (!wholeFeatures.isEmpty()) {
        resample(views.of(wholeFeatures.get(0)), wholeFeatures, resamples,
            new SplittableRandom(seed ^ WHOLE_VIEW_STREAM), manager, draws, failures);
      }
      Map<String, Map<String, Double>> noise = new LinkedHashMap<>();
      for (RegisteredMetaFeature feature : features) {
        List<Map<String, Double>> samples = draws.get(feature.name());
        if (samples != null) {
          noise.put(feature.name(), standardDeviations(samples));
        }
      }
      return new MetaFeatureValues(noise, new ArrayList<>(failures.values()), used, views.continuousRows(),
          views.continuousDropped(), empty, needLabel);
    }
  }

  private static void resample(TableView view, List<RegisteredMetaFeature> features, int resamples,
      SplittableRandom random, NDManager manager, Map<String, List<Map<String, Double>>> draws,
      Map<String, Failure> failures) {
    int rows = view.rows();
    if (rows < 2 || features.isEmpty()) {
      return;
    }
    for (int b = 0; b < resamples; b++) {
      int[] picked = new int[rows];
      for (int i = 0; i < rows; i++) {
        picked[i] = random.nextInt(rows);
      }
      try (NDManager step = manager.newSubManager()) {
        TableView sample = TableViews.take(view, step, picked);
        for (RegisteredMetaFeature feature : features) {
          try {
            draws.computeIfAbsent(feature.name(), k -> new ArrayList<>()).add(entries(feature, sample, step));
          } catch (ShifterException e) {
            failures.putIfAbsent(feature.name(), new Failure(feature.name(), e));
          }
        }
      }
    }
  }

  /**
   * Tells whether a feature can be computed on a view: a feature of the continuous columns needs one, and is
   * left out quietly without; a class-aware feature needs the label, and is listed in {@code needLabel}.
   */
  private static boolean applies(RegisteredMetaFeature feature, TableView view, List<String> needLabel) {
    if (feature.seesOnlyContinuousColumns() && view.continuousNames().isEmpty()) {
      return false;
    }
    if (feature.feature().needsLabel() && view.label() == null) {
      needLabel.add(feature.name());
      return false;
    }
    return true;
  }

  /**
   * Returns one value.
   *
   * @param feature the feature's name
   * @param entry the entry's key, e.g. {@code "age"} or {@code "age~income"}
   * @return the value, or NaN when it was not computed
   */
  public double get(String feature, String entry) {
    Map<String, Double> entries = values.get(feature);
    Double value = entries == null ? null : entries.get(entry);
    return value == null ? Double.NaN : value;
  }

  private static List<String> usableColumns(Table table, List<String> empty) {
    List<String> used = new ArrayList<>();
    for (String name : table.continuousColumnNames()) {
      boolean allMissing = table.rowCount() > 0 && table.arrow().getVector(name).getNullCount() == table.rowCount();
      (allMissing ? empty : used).add(name);
    }
    return used;
  }

  private static Map<String, Double> entries(RegisteredMetaFeature feature, TableView view, NDManager owner) {
    try (NDManager scope = owner.newSubManager()) {
      NDArray result = feature.compute(view);
      result.attach(scope);
      float[] numbers = result.toFloatArray();
      List<String> labels = feature.feature().arity().labels(view);
      Map<String, Double> entries = new LinkedHashMap<>();
      for (int i = 0; i < Math.min(labels.size(), numbers.length); i++) {
        entries.put(labels.get(i), (double) numbers[i]);
      }
      return entries;
    }
  }

  private static Map<String, Double> standardDeviations(List<Map<String, Double>> samples) {
    Map<String, Double> sd = new LinkedHashMap<>();
    if (samples.size() < 2) {
      return sd;
    }
    for (String entry : samples.get(0).keySet()) {
      double sum = 0;
      for (Map<String, Double> sample : samples) {
        sum += sample.getOrDefault(entry, Double.NaN);
      }
      double mean = sum / samples.size();
      double squares = 0;
      for (Map<String, Double> sample : samples) {
        double d = sample.getOrDefault(entry, Double.NaN) - mean;
        squares += d * d;
      }
      sd.put(entry, Math.sqrt(squares / (samples.size() - 1)));
    }
    return sd;
  }
}
