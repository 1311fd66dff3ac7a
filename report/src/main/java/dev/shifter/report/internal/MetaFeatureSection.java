package dev.shifter.report.internal;

import dev.shifter.api.Arity;
import dev.shifter.api.MetaFeatureValues;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.Table;
import dev.shifter.shift.SavedShifter;
import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.TargetEntry;
import dev.shifter.shift.Targets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The meta-feature table: each target entry in every table beside its target and tolerance, or,
 * without targets, the core meta-features of each continuous column.
 */
final class MetaFeatureSection {
  static final String TITLE = "Meta-features";
  /** The bootstrap resamples that estimate an entry's sampling noise. */
  static final int RESAMPLES = 8;
  private static final List<String> CORE = List.of("mean", "sd", "median", "iq_range", "skewness", "kurtosis");
  /** The class-aware features the report shows when a label is named. */
  private static final List<String> CLASS_AWARE = List.of("freq", "class_ent", "mut_inf", "f1", "gravity");

  private MetaFeatureSection() {}

  /**
   * How the targets fared.
   *
   * @param withinTolerance the entries within tolerance in the shifted table
   * @param entries the number of target entries
   */
  record Outcome(int withinTolerance, int entries) {}

  static Outcome render(ReportInput input, Tables tables, @Nullable SavedShifter saved, Page page) {
    @Nullable Targets targets = input.targets();
    boolean fromShifter = false;
    if (targets == null && saved != null) {
      targets = saved.targets();
      fromShifter = true;
    }
    List<String> continuous = tables.real().continuousColumnNames();
    if (targets != null) {
      ShifterConfig config = saved != null ? saved.config() : ShifterConfig.defaults();
      @Nullable String label = input.label() != null ? input.label() : config.label();
      if (!targets.needsWholeTable(input.registry())) {
        targets.validate(input.registry(), continuous);
      }
      Outcome outcome = renderTargets(input, tables, targets, fromShifter, config, label, page);
      renderClassAware(input, tables, label, page);
      return outcome;
    }
    renderCore(input, tables, page);
    renderClassAware(input, tables, input.label() != null ? input.label() : saved != null ? saved.config().label()
        : null, page);
    return new Outcome(0, 0);
  }

  /**
   * With a label, the class-aware meta-features of every table (class entropy, the shares of the classes,
   * how much each attribute tells of the class, how well the continuous columns separate the classes).
   */
  private static void renderClassAware(ReportInput input, Tables tables, @Nullable String label, Page page) {
    if (label == null) {
      return;
    }
    List<RegisteredMetaFeature> features = new ArrayList<>();
    for (String name : CLASS_AWARE) {
      input.registry().find(name).ifPresent(features::add);
    }
    if (features.isEmpty()) {
      return;
    }
    List<MetaFeatureValues> values = new ArrayList<>();
    for (Table table : tables.tables()) {
      values.add(MetaFeatureValues.of(table, features, label));
    }
    page.heading("Class-aware meta-features (label '" + label + "')");
    List<String> header = new ArrayList<>(List.of("meta-feature", "entry"));
    header.addAll(tables.names());
    List<List<Cell>> rows = new ArrayList<>();
    for (RegisteredMetaFeature feature : features) {
      Map<String, Double> first = values.get(0).values().get(feature.name());
      if (first == null) {
        continue;
      }
      for (String key : first.keySet()) {
        if (feature.name().equals("freq") && !key.startsWith(label + "=")) {
          continue;
        }
        List<Cell> row = new ArrayList<>(List.of(Cell.text(feature.name()), Cell.text(key)));
        for (MetaFeatureValues table : values) {
          row.add(Cell.number(table.get(feature.name(), key)));
        }
        rows.add(row);
      }
    }
    page.table(header, rows);
    page.note("pymfe's definitions, on the rows with a value in every column: freq is the share of each class, "
        + "class_ent the class entropy in bits, mut_inf how many bits each attribute tells of the class, f1 "
        + "1 / (1 + Fisher's ratio) of each continuous column (lower separates better)." + failures(values));
  }

  private static Outcome renderTargets(ReportInput input, Tables tables, Targets targets, boolean fromShifter,
      ShifterConfig config, @Nullable String label, Page page) {
    boolean hasShifted = tables.size() > 2;
    String judged = hasShifted ? Tables.SHIFTED : Tables.SYNTHETIC;
    page.section("meta-features", TITLE, "Each row is one targeted meta-feature entry, computed on the continuous "
        + "columns of each table (and, for a meta-feature of the whole table, its categorical columns and label"
        + (label == null ? "" : " '" + label + "'") + ") as training computes it. The last column says whether the " + judged + " table is "
        + "within tolerance of the target: |value - target| <= tolerance, where the tolerance is the largest of "
        + Numbers.percent(config.tolerance()) + " of |target|, the entry's sampling noise at the " + judged
        + " table's size, and " + Numbers.format(config.absoluteTolerance()) + ".");
    Set<String> names = new LinkedHashSet<>();
    targets.entries().forEach(e -> names.add(e.feature()));
    List<RegisteredMetaFeature> features = input.registry().select(List.copyOf(names));
    List<MetaFeatureValues> values = new ArrayList<>();
    for (Table table : tables.tables()) {
      values.add(MetaFeatureValues.of(table, features, label));
    }
    Table judgedTable = tables.tables().get(tables.size() - 1);
    MetaFeatureValues noise = MetaFeatureValues.bootstrapSd(judgedTable, features, label, RESAMPLES, input.seed());
    List<String> header = new ArrayList<>(List.of("entry"));
    header.addAll(tables.names());
    header.addAll(List.of("target", "tolerance", judged + " within tolerance?"));
    List<List<Cell>> rows = new ArrayList<>();
    int within = 0;
    for (TargetEntry entry : targets.entries()) {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.text(entry.label()));
      for (MetaFeatureValues table : values) {
        row.add(Cell.number(table.get(entry.feature(), entry.key())));
      }
      double reached = values.get(values.size() - 1).get(entry.feature(), entry.key());
      double sampling = noise.get(entry.feature(), entry.key());
      double tolerance = Math.max(Math.max(config.tolerance() * Math.abs(entry.midpoint()),
          Double.isNaN(sampling) ? 0 : sampling), config.absoluteTolerance());
      boolean ok = reached >= entry.low() - tolerance && reached <= entry.high() + tolerance;
      row.add(entry.isFixed() ? Cell.number(entry.low()) : new Cell("[" + Numbers.format(entry.low()) + ", "
          + Numbers.format(entry.high()) + "]", "num"));
      row.add(Cell.number(tolerance));
      row.add(Double.isNaN(reached) ? Cell.none() : Cell.yesNo(ok));
      within += ok && hasShifted ? 1 : 0;
      rows.add(row);
    }
    page.table(header, rows);
    page.note((fromShifter ? "The targets are those the Shifter was trained for. " : "")
        + (targets.isRange() ? "For a range, a value anywhere in the interval (widened by the tolerance) is within. "
        : "") + "The sampling noise is the standard deviation of the entry over " + RESAMPLES + " bootstrap "
        + "resamples of the " + judged + " table. Rows with a missing value in a continuous column are left out, "
        + "as in training." + failures(values));
    return new Outcome(hasShifted ? within : 0, targets.entries().size());
  }

  private static void renderCore(ReportInput input, Tables tables, Page page) {
    page.section("meta-features", TITLE, "Without targets, this table shows the core meta-features of each "
        + "continuous column in every table: values close to the real ones mean the synthetic data keep the "
        + "column's location, spread and shape.");
    List<String> continuous = tables.real().continuousColumnNames();
    List<RegisteredMetaFeature> features = new ArrayList<>();
    for (String name : CORE) {
      Optional<RegisteredMetaFeature> feature = input.registry().find(name);
      if (feature.isPresent() && feature.get().feature().arity() == Arity.PER_COLUMN) {
        features.add(feature.get());
      }
    }
    if (continuous.isEmpty() || features.isEmpty()) {
      page.note(continuous.isEmpty() ? "The tables have no continuous column." : "None of the core meta-features ("
          + String.join(", ", CORE) + ") is installed.");
      return;
    }
    List<MetaFeatureValues> values = new ArrayList<>();
    for (Table table : tables.tables()) {
      values.add(MetaFeatureValues.of(table, features));
    }
    List<String> header = new ArrayList<>(List.of("column", "meta-feature"));
    header.addAll(tables.names());
    List<List<Cell>> rows = new ArrayList<>();
    for (String column : continuous) {
      for (RegisteredMetaFeature feature : features) {
        List<Cell> row = new ArrayList<>(List.of(Cell.text(column), Cell.text(feature.name())));
        for (MetaFeatureValues table : values) {
          row.add(Cell.number(table.get(feature.name(), column)));
        }
        rows.add(row);
      }
    }
    page.table(header, rows);
    page.note("Computed on the rows with a value in every continuous column. Give targets to see how "
        + "close each table comes to them." + failures(values));
  }

  private static String failures(List<MetaFeatureValues> values) {
    Set<String> failures = new LinkedHashSet<>();
    values.forEach(v -> {
      if (v.rows() == 0) {
        failures.add("no row has a value in every continuous column");
      }
      v.failures().forEach(f -> failures.add(f.describe()));
    });
    return failures.isEmpty() ? "" : " Could not compute: " + String.join("; ", failures) + ".";
  }
}
