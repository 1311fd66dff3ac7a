package dev.shifter.shift.internal;

import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.Remedy;
import dev.shifter.api.ValueBounds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Checks targets against the installed meta-features and the generator's continuous columns, and maps
 * each entry to the feature and output index that compute it.
 */
public final class TargetResolver {

  private TargetResolver() {}

  /**
   * Resolves every entry, or reports every problem at once.
   *
   * @param entries the target entries
   * @param registry the installed meta-features
   * @param columns the generator's continuous columns, in order
   * @param bounds the generator's bounds of each column ({@link ValueBounds#UNBOUNDED} when unknown)
   * @return the resolved targets
   * @throws InvalidInputException listing every problem, one per line, each with its fix: unknown
   *     features and columns, and values outside the feature's {@link FeatureDomain} (given the column's
   *     bounds for the column-relative domains)
   */
  public static ResolvedTargets resolve(List<TargetSpec> entries, MetaFeatureRegistry registry, List<String> columns,
      List<ValueBounds> bounds) {
    return resolve(entries, registry, columns, bounds, null, null);
  }

  /**
   * Resolves every entry against a generator, or reports every problem at once. Meta-features of the
   * whole table (its categorical columns, or the label) are resolved against the generator's
   * {@link GeneratorAdapter#generateView table view}: their entries are keyed as the feature's
   * {@link Arity#labels(TableView)} name them ({@code col=value}, {@code label=class}, ...).
   *
   * @param entries the target entries
   * @param registry the installed meta-features
   * @param adapter the generator, for its columns, their bounds and its categories
   * @param label the categorical column class-aware features take as the class, or {@code null}
   * @return the resolved targets
   * @throws InvalidInputException listing every problem, one per line, each with its fix
   */
  public static ResolvedTargets resolve(List<TargetSpec> entries, MetaFeatureRegistry registry,
      GeneratorAdapter adapter, @Nullable String label) {
    return resolve(entries, registry, adapter.continuousColumns(), adapter.continuousBounds(), adapter, label);
  }

  private static ResolvedTargets resolve(List<TargetSpec> entries, MetaFeatureRegistry registry,
      List<String> columns, List<ValueBounds> bounds, @Nullable GeneratorAdapter adapter, @Nullable String label) {
    List<String> problems = new ArrayList<>();
    boolean unknownFeature = false;
    boolean needLabel = false;
    boolean anyWholeTable = entries.stream().map(e -> registry.find(e.feature())).anyMatch(f -> f.isPresent()
        && !f.get().feature().measureOnly() && f.get().needsWholeTable());
    // Only whole-table targets and a label (which must be checked) need the view's shape; building it generates
    // a row, which draws from the engine's random generator, so other targets leave that untouched.
    TableShape shape = adapter == null || (!anyWholeTable && label == null) ? null : TableShape.of(adapter, label);
    if (columns.isEmpty() && shape == null) {
      throw new InvalidInputException("The generator has no continuous column, and meta-features are computed on "
          + "continuous columns only. Fit the model on data with at least one numeric column.");
    }
    Map<String, GroupBuilder> groups = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      TargetSpec entry = entries.get(i);
      Optional<RegisteredMetaFeature> feature = registry.find(entry.feature());
      if (feature.isEmpty()) {
        problems.add("Unknown meta-feature '" + entry.feature() + "' in " + entry.label() + ". Known meta-features: "
            + String.join(", ", registry.names()) + ". Add a plug-in jar to use a feature that is not installed.");
        unknownFeature = true;
        continue;
      }
      if (feature.get().feature().measureOnly()) {
        problems.add(entry.label() + ": " + entry.feature() + " is measure-only: no gradient reaches it (it counts "
            + "the table's shape or a tree's size), so it cannot be trained for. Target a differentiable "
            + "meta-feature instead (the metafeatures command lists them), such as class_ent or freq for the "
            + "classes, or mut_inf and f1 for how the columns separate them.");
        continue;
      }
      if (feature.get().needsWholeTable()) {
        if (shape == null) {
          problems.add(entry.label() + ": " + entry.feature() + " is a meta-feature of the whole table (its "
              + "categorical columns or its label), and only the continuous columns are known here. Train a Shifter "
              + "for it (it sees the generator's categorical columns), or target a feature of the continuous "
              + "columns.");
          continue;
        }
        if (feature.get().feature().needsLabel() && label == null) {
          if (shape.categorical().isEmpty()) {
            problems.add(entry.label() + ": " + entry.feature() + " needs the label column (the class), and the "
                + "generator hands over no categorical column. Target a feature of the continuous columns, or use "
                + "a CTGAN model fitted with the label column.");
          } else {
            problems.add(entry.label() + ": " + entry.feature() + " needs the label column (the class). Name the "
                + "label, one of the categorical columns: " + String.join(", ", shape.categorical()) + ".");
            needLabel = true;
          }
          continue;
        }
        int output = shape.outputOf(entry, feature.get().feature().arity(), problems);
        if (output < 0) {
          continue;
        }
        String domain = domainProblem(entry, feature.get().feature(), new int[0], columns, bounds);
        if (domain != null) {
          problems.add(domain);
          continue;
        }
        groups.computeIfAbsent(entry.feature(), f -> new GroupBuilder(feature.get())).addOutput(i, output);
        continue;
      }
      if (columns.isEmpty()) {
        problems.add(entry.label() + ": the generator has no continuous column for " + entry.feature() + ". Target "
            + "a meta-feature of its categorical columns instead, such as freq.");
        continue;
      }
      int[] entryColumns = entryColumns(entry, feature.get().feature().arity(), columns, problems);
      if (entryColumns == null) {
        continue;
      }
      String domain = domainProblem(entry, feature.get().feature(), entryColumns, columns, bounds);
      if (domain != null) {
        problems.add(domain);
        continue;
      }
      groups.computeIfAbsent(entry.feature(), f -> new GroupBuilder(feature.get())).add(i, entryColumns);
    }
    if (!problems.isEmpty()) {
      List<Remedy> remedies = new ArrayList<>();
      if (unknownFeature) {
        remedies.add(Remedy.set(Remedy.Setting.PLUGIN_FOLDER));
      }
      if (needLabel) {
        remedies.add(Remedy.set(Remedy.Setting.LABEL_COLUMN));
      }
      throw new InvalidInputException((problems.size() == 1 ? "" : problems.size() + " problems with the targets:\n  ")
          + String.join("\n  ", problems), remedies.toArray(new Remedy[0]));
    }
    List<FeatureGroup> built = new ArrayList<>();
    for (GroupBuilder group : groups.values()) {
      built.add(group.build(columns.size()));
    }
    return new ResolvedTargets(entries, built, columns, shape == null ? List.of() : shape.categorical(), label);
  }

  private static int @Nullable [] entryColumns(
      TargetSpec entry, Arity arity, List<String> columns, List<String> problems) {
    String key = entry.key();
    switch (arity) {
      case SCALAR -> {
        if (!key.equals("value")) {
          problems.add(entry.label() + ": " + entry.feature() + " is a single value for the whole table; key it "
              + "\"value\", as in {\"" + entry.feature() + "\": {\"value\": " + entry.low() + "}}.");
          return null;
        }
        return new int[0];
      }
      case PER_COLUMN -> {
        int column = columns.indexOf(key);
        if (column < 0) {
          problems.add(unknownColumn(entry, key, columns)
              + (key.contains(Arity.PAIR_SEPARATOR) ? " " + entry.feature() + " has one value per column, not per "
                  + "pair." : ""));
          return null;
        }
        return new int[] {column};
      }
      case PER_PAIR -> {
        String[] parts = key.split(Arity.PAIR_SEPARATOR, -1);
        if (parts.length != 2) {
          String example = columns.size() >= 2 ? columns.get(0) + Arity.PAIR_SEPARATOR + columns.get(1) : "a~b";
          problems.add(entry.label() + ": " + entry.feature() + " has one value per pair of columns; name a pair "
              + "as \"a~b\", e.g. \"" + example + "\".");
          return null;
        }
        int first = columns.indexOf(parts[0]);
        int second = columns.indexOf(parts[1]);
        if (first < 0 || second < 0) {
          problems.add(unknownColumn(entry, first < 0 ? parts[0] : parts[1], columns));
          return null;
        }
        if (first == second) {
          problems.add(entry.label() + " names the same column twice. Name two different continuous columns.");
          return null;
        }
        if (first > second) {
          problems.add(entry.label() + ": pairs are written in column order; write it as \"" + parts[1]
              + Arity.PAIR_SEPARATOR + parts[0] + "\".");
          return null;
        }
        return new int[] {first, second};
      }
      default -> throw new IllegalStateException("Unknown arity " + arity);
    }
  }

  private static String unknownColumn(TargetSpec entry, String column, List<String> columns) {
    return "Unknown column '" + column + "' in " + entry.label() + ". The continuous columns are: "
        + String.join(", ", columns) + " (meta-features are computed on continuous columns only).";
  }

  private static @Nullable String domainProblem(TargetSpec entry, MetaFeature feature, int[] entryColumns,
      List<String> columns, List<ValueBounds> bounds) {
    String shown = entry.isFixed() ? "= " + entry.low() : "in [" + entry.low() + ", " + entry.high() + "]";
    String impossible = entry.label() + " " + shown + " is impossible: " + entry.feature() + " lies "
        + feature.domain().words() + ".";
    String negative = entry.label() + " " + shown + " is impossible: " + entry.feature() + " is never negative.";
    switch (feature.domain()) {
      case NON_NEGATIVE -> {
        return entry.low() < 0 ? negative : null;
      }
      case UNIT_INTERVAL -> {
        return entry.low() < 0 || entry.high() > 1 ? impossible : null;
      }
      case WITHIN_COLUMN_RANGE, WITHIN_COLUMN_WIDTH -> {
        if (feature.domain() == FeatureDomain.WITHIN_COLUMN_WIDTH && entry.low() < 0) {
          return negative;
        }
        if (entryColumns.length != 1 || bounds.size() != columns.size()) {
          return null;
        }
        ValueBounds column = bounds.get(entryColumns[0]);
        boolean width = feature.domain() == FeatureDomain.WITHIN_COLUMN_WIDTH;
        double low = width ? 0 : column.min();
        double high = width ? column.width() : column.max();
        if (entry.low() >= low && entry.high() <= high) {
          return null;
        }
        if (width && entry.low() < 0) {
          return negative;
        }
        return entry.label() + " " + shown + " is out of reach: the model makes " + columns.get(entryColumns[0])
            + " only within [" + Numbers.compact(column.min()) + ", " + Numbers.compact(column.max()) + "] (the range "
            + "it was fitted on), and " + entry.feature() + " lies " + feature.domain().words() + (width ? " ("
            + Numbers.compact(column.width()) + ")" : "") + ". Choose a target inside it.";
      }
      default -> {
        return null;
      }
    }
  }

  /** Collects the entries of one feature. */
  private static final class GroupBuilder {
    private final RegisteredMetaFeature feature;
    private final List<Integer> entryIndices = new ArrayList<>();
    private final List<int[]> entryColumns = new ArrayList<>();
    private final List<Integer> viewOutputs = new ArrayList<>();

    GroupBuilder(RegisteredMetaFeature feature) {
      this.feature = feature;
    }

    void addOutput(int entryIndex, int output) {
      entryIndices.add(entryIndex);
      viewOutputs.add(output);
    }

    void add(int entryIndex, int[] columns) {
      entryIndices.add(entryIndex);
      entryColumns.add(columns);
    }

    FeatureGroup build(int columnCount) {
      int[] entries = entryIndices.stream().mapToInt(Integer::intValue).toArray();
      if (!viewOutputs.isEmpty()) {
        return new FeatureGroup(feature, new int[0], entries, viewOutputs.stream().mapToInt(Integer::intValue)
            .toArray(), true);
      }
      Arity arity = feature.feature().arity();
      int[] subColumns;
      if (arity == Arity.SCALAR) {
        subColumns = new int[columnCount];
        for (int c = 0; c < columnCount; c++) {
          subColumns[c] = c;
        }
      } else {
        TreeSet<Integer> used = new TreeSet<>();
        entryColumns.forEach(cols -> {
          for (int c : cols) {
            used.add(c);
          }
        });
        subColumns = used.stream().mapToInt(Integer::intValue).toArray();
      }
      int[] outputs = new int[entryIndices.size()];
      for (int i = 0; i < outputs.length; i++) {
        int[] cols = entryColumns.get(i);
        outputs[i] = switch (arity) {
          case SCALAR -> 0;
          case PER_COLUMN -> position(subColumns, cols[0]);
          case PER_PAIR -> pairIndex(position(subColumns, cols[0]), position(subColumns, cols[1]), subColumns.length);
          default -> throw new IllegalStateException("arity " + arity + " is refused before grouping");
        };
      }
      return new FeatureGroup(feature, subColumns, entries, outputs, false);
    }

    private static int position(int[] sorted, int value) {
      for (int i = 0; i < sorted.length; i++) {
        if (sorted[i] == value) {
          return i;
        }
      }
      throw new IllegalStateException("column " + value + " missing from " + Arrays.toString(sorted));
    }

    private static int pairIndex(int p, int q, int m) {
      return p * (2 * m - p - 1) / 2 + (q - p - 1);
    }
  }
}
