package dev.shifter.shift;

import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.ValueBounds;
import dev.shifter.shift.internal.TargetJson;
import dev.shifter.shift.internal.TargetResolver;
import dev.shifter.shift.internal.TargetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The meta-feature values a Shifter is trained for: fixed values, or intervals (a range) from which
 * each training step draws a target.
 *
 * <p>The JSON shape is that of {@code shifter metafeatures --format json}:
 * {@code {"skewness": {"age": 1.5}, "cor": {"age~hours-per-week": 0.4}}}. In a range file an entry is
 * {@code [low, high]} (a plain number is a fixed entry). Only the entries named are in the loss.
 * {@link #validate} checks the targets against the installed meta-features and the generator's
 * continuous columns before any training.
 */
public final class Targets {
  private final List<TargetEntry> entries;
  private final boolean range;

  private Targets(List<TargetEntry> entries, boolean range) {
    if (entries.isEmpty()) {
      throw new InvalidInputException("No target given. Name at least one entry, e.g. {\"mean\": {\"age\": 40}}.");
    }
    Set<String> seen = new HashSet<>();
    for (TargetEntry entry : entries) {
      if (!seen.add(entry.feature() + "\u0000" + entry.key())) {
        throw new InvalidInputException("Target " + entry.label() + " is given twice. Give each entry once.");
      }
    }
    this.entries = List.copyOf(entries);
    this.range = range;
  }

  /**
   * Creates fixed targets.
   *
   * @param entries the entries; each must be fixed ({@code low == high})
   * @return the targets
   * @throws InvalidInputException if there is none, one is an interval, or one is given twice
   */
  public static Targets of(List<TargetEntry> entries) {
    for (TargetEntry entry : entries) {
      if (!entry.isFixed()) {
        throw new InvalidInputException("Target " + entry.label() + " is an interval [" + entry.low() + ", "
            + entry.high() + "]; fixed targets need one value. Use Targets.range(...) to train for a range.",
            Remedy.set(Setting.TARGET_RANGE));
      }
    }
    return new Targets(entries, false);
  }

  /**
   * Creates fixed targets.
   *
   * @param entries the entries
   * @return the targets
   */
  public static Targets of(TargetEntry... entries) {
    return of(List.of(entries));
  }

  /**
   * Creates a target range: each training step draws every entry uniformly in its interval.
   *
   * @param entries the entries; fixed ones are allowed and stay fixed
   * @return the range
   * @throws InvalidInputException if there is none or one is given twice
   */
  public static Targets range(List<TargetEntry> entries) {
    return new Targets(entries, true);
  }

  /**
   * Creates a target range.
   *
   * @param entries the entries
   * @return the range
   */
  public static Targets range(TargetEntry... entries) {
    return range(List.of(entries));
  }

  /**
   * Parses fixed targets from JSON.
   *
   * @param json e.g. {@code {"mean": {"age": 40}}}
   * @return the targets
   * @throws InvalidInputException if the text is not of that shape; the message says where
   */
  public static Targets parse(String json) {
    return of(entries(TargetJson.parse(json, "The target", false)));
  }

  /**
   * Parses a target range from JSON.
   *
   * @param json e.g. {@code {"mean": {"age": [35, 45]}}}
   * @return the range
   * @throws InvalidInputException if the text is not of that shape; the message says where
   */
  public static Targets parseRange(String json) {
    return range(entries(TargetJson.parse(json, "The target range", true)));
  }

  /**
   * Reads fixed targets from a JSON file.
   *
   * @param file the file
   * @return the targets
   * @throws InvalidInputException if the file is missing or not of the target shape
   */
  public static Targets read(Path file) {
    return of(entries(TargetJson.parse(text(file), "Target file " + file, false)));
  }

  /**
   * Reads a target range from a JSON file.
   *
   * @param file the file
   * @return the range
   * @throws InvalidInputException if the file is missing or not of the range shape
   */
  public static Targets readRange(Path file) {
    return range(entries(TargetJson.parse(text(file), "Target range file " + file, true)));
  }

  private static List<TargetEntry> entries(List<TargetSpec> specs) {
    return specs.stream().map(s -> new TargetEntry(s.feature(), s.key(), s.low(), s.high())).toList();
  }

  /**
   * Returns the entries in the internal form.
   *
   * @return the specs
   */
  List<TargetSpec> specs() {
    return entries.stream().map(e -> new TargetSpec(e.feature(), e.key(), e.low(), e.high())).toList();
  }

  private static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("Target file " + file + " does not exist. Check the path.", e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read the target file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the entries in the order given.
   *
   * @return the entries
   */
  public List<TargetEntry> entries() {
    return entries;
  }

  /**
   * Tells whether these targets are a range (each step draws a target) rather than fixed values.
   *
   * @return true for a range
   */
  public boolean isRange() {
    return range;
  }

  /**
   * Returns the entry with this feature and key.
   *
   * @param feature the meta-feature
   * @param key the column, pair or {@code "value"}
   * @return the entry, or empty
   */
  public Optional<TargetEntry> find(String feature, String key) {
    return entries.stream().filter(e -> e.feature().equals(feature) && e.key().equals(key)).findFirst();
  }

  /**
   * Returns the middle of a range as fixed targets (fixed targets are returned as they are).
   *
   * @return fixed targets
   */
  public Targets midpoint() {
    if (!range) {
      return this;
    }
    List<TargetEntry> middle = new ArrayList<>(entries.size());
    for (TargetEntry entry : entries) {
      middle.add(TargetEntry.fixed(entry.feature(), entry.key(), entry.midpoint()));
    }
    return of(middle);
  }

  /**
   * Checks the targets against the meta-features and the generator's continuous columns: every feature
   * is installed, every column exists, pairs are in column order, scalar features are keyed
   * {@code "value"}, and each value lies in its feature's {@link dev.shifter.api.FeatureDomain}
   * ({@code cor} in [0, 1]; {@code sd}, {@code var}, {@code cov} not negative). Column-relative
   * domains are not checked: {@link #validate(MetaFeatureRegistry, GeneratorAdapter)} knows the bounds.
   *
   * @param registry the installed meta-features
   * @param continuousColumns the generator's continuous columns, in order
   * @throws InvalidInputException listing every problem, each with its fix
   */
  public void validate(MetaFeatureRegistry registry, List<String> continuousColumns) {
    TargetResolver.resolve(specs(), registry, continuousColumns,
        Collections.nCopies(continuousColumns.size(), ValueBounds.UNBOUNDED));
  }

  /**
   * Tells whether an entry is a meta-feature of the whole table (its categorical columns or its label),
   * which {@link #validate(MetaFeatureRegistry, List)} cannot check: only a generator's view can
   * ({@link #validate(MetaFeatureRegistry, GeneratorAdapter, String)}).
   *
   * @param registry the installed meta-features
   * @return true if some entry's feature sees more than the continuous columns
   */
  public boolean needsWholeTable(MetaFeatureRegistry registry) {
    return specs().stream().map(spec -> registry.find(spec.feature())).anyMatch(feature -> feature.isPresent()
        && feature.get().needsWholeTable());
  }

  /**
   * Checks the targets against the meta-features and a generator's whole table: as
   * {@link #validate(MetaFeatureRegistry, GeneratorAdapter)}, and the entries of meta-features of the
   * categorical columns or the label against the generator's categories and the label.
   *
   * @param registry the installed meta-features
   * @param generator the generator
   * @param label the label column, or {@code null}
   * @throws InvalidInputException listing every problem, each with its fix
   */
  public void validate(MetaFeatureRegistry registry, GeneratorAdapter generator, @Nullable String label) {
    TargetResolver.resolve(specs(), registry, generator, label);
  }

  /**
   * Checks the targets against the meta-features and a generator: as
   * {@link #validate(MetaFeatureRegistry, List)}, and also that a target of a column-relative domain
   * (a mean, a median, a standard deviation) lies within what the generator can make in that column.
   *
   * @param registry the installed meta-features
   * @param generator the generator, for its continuous columns and their bounds
   * @throws InvalidInputException listing every problem, each with its fix
   */
  public void validate(MetaFeatureRegistry registry, GeneratorAdapter generator) {
    TargetResolver.resolve(specs(), registry, generator.continuousColumns(), generator.continuousBounds());
  }

  /**
   * Returns the targets as JSON: numbers for fixed entries, {@code [low, high]} for intervals.
   *
   * @return the JSON text
   */
  public String toJson() {
    return TargetJson.write(specs());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Targets that && range == that.range && entries.equals(that.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode() * 31 + Boolean.hashCode(range);
  }

  @Override
  public String toString() {
    return (range ? "range " : "") + toJson().replaceAll("\\s+", "");
  }
}
