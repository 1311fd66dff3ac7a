package dev.shifter.io;

import dev.shifter.api.InvalidInputException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How to read a table file: which columns to force to a kind instead of inferring it, and which field
 * texts stand for a missing value besides an empty field.
 *
 * <p>A CSV column is inferred continuous when every non-missing field in it parses as a finite decimal
 * number, and categorical otherwise. Integer-coded columns with few distinct values (a class label
 * {@code 1, 2, 3}, a 0/1 flag) are therefore continuous unless named in {@link #discrete()}. In an Arrow
 * file the stored type decides (numbers continuous, strings and booleans categorical); the same
 * overrides convert a column to the other kind.
 *
 *
 * <p>Only an empty (or blank) CSV field is missing unless {@link #missing()} names more texts, such as
 * {@code ?} or {@code NA}: a text like {@code ?} is otherwise a category like any other, and a table
 * written back has the same fields it was read with. A missing-value text applies to every column,
 * compared after trimming blanks; in an Arrow file it applies to string columns (nulls are missing,
 * and so are NaN values of float columns, which is how pandas stores a missing number).
 *
 * @param discrete names of columns to read as categorical whatever they hold
 * @param continuous names of columns to read as continuous; a field that is not a number is an error
 * @param missing texts that stand for a missing value, besides an empty field
 */
public record ReadOptions(Set<String> discrete, Set<String> continuous, Set<String> missing) {

  /**
   * Creates the options, copying the sets (their iteration order is kept).
   *
   * @throws InvalidInputException if a column is named in both sets, or a missing-value text is
   *     blank
   */
  public ReadOptions {
    discrete = Collections.unmodifiableSet(new LinkedHashSet<>(discrete));
    continuous = Collections.unmodifiableSet(new LinkedHashSet<>(continuous));
    LinkedHashSet<String> tokens = new LinkedHashSet<>();
    for (String token : missing) {
      if (token.isBlank()) {
        throw new InvalidInputException("A missing-value text is empty. Empty fields are always missing; name only "
            + "other texts, such as ? or NA.");
      }
      tokens.add(token.strip());
    }
    missing = Collections.unmodifiableSet(tokens);
    for (String name : discrete) {
      if (continuous.contains(name)) {
        throw new InvalidInputException("Column '" + name + "' is declared both discrete and continuous. "
            + "Name it in only one of the two lists.");
      }
    }
  }

  /**
   * Creates options with forced kinds and no missing-value text besides the empty field.
   *
   * @param discrete names of columns to read as categorical
   * @param continuous names of columns to read as continuous
   * @throws InvalidInputException if a column is named in both sets
   */
  public ReadOptions(Set<String> discrete, Set<String> continuous) {
    this(discrete, continuous, Set.of());
  }

  /**
   * Returns options that infer every column's kind and read only empty fields as missing.
   *
   * @return options with no overrides
   */
  public static ReadOptions defaults() {
    return new ReadOptions(Set.of(), Set.of(), Set.of());
  }


  /**
   * Starts a builder.
   *
   * @return a builder with no overrides
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ReadOptions}; every setting is optional. */
  public static final class Builder {
    private final Set<String> discrete = new LinkedHashSet<>();
    private final Set<String> continuous = new LinkedHashSet<>();
    private final Set<String> missing = new LinkedHashSet<>();

    private Builder() {}

    /**
     * Adds columns to read as categorical.
     *
     * @param names column names
     * @return this builder
     */
    public Builder optDiscrete(Collection<String> names) {
      discrete.addAll(names);
      return this;
    }

    /**
     * Adds columns to read as continuous.
     *
     * @param names column names
     * @return this builder
     */
    public Builder optContinuous(Collection<String> names) {
      continuous.addAll(names);
      return this;
    }

    /**
     * Adds texts that stand for a missing value (e.g. {@code ?}, {@code NA}).
     *
     * @param texts the texts, compared with trimmed fields
     * @return this builder
     */
    public Builder optMissing(Collection<String> texts) {
      missing.addAll(texts);
      return this;
    }

    /**
     * Returns the options.
     *
     * @return the options
     * @throws InvalidInputException if a column is named both discrete and continuous, or a
     *     missing-value text is blank
     */
    public ReadOptions build() {
      return new ReadOptions(discrete, continuous, missing);
    }
  }
}
