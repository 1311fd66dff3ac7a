package dev.shifter.io;

import dev.shifter.api.InvalidInputException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How to read a table file: which columns to force to a kind instead of inferring it.
 *
 * <p>A CSV column is inferred continuous when every non-missing field in it parses as a finite decimal
 * number, and categorical otherwise. Integer-coded columns with few distinct values (a class label
 * {@code 1, 2, 3}, a 0/1 flag) are therefore continuous unless named in {@link #discrete()}. In an Arrow
 * file the stored type decides (numbers continuous, strings and booleans categorical); the same
 * overrides convert a column to the other kind.
 *
 * @param discrete names of columns to read as categorical whatever they hold
 * @param continuous names of columns to read as continuous; a field that is not a number is an error
 */
public record ReadOptions(Set<String> discrete, Set<String> continuous) {

  /**
   * Creates the options, copying the sets (their iteration order is kept).
   *
   * @throws InvalidInputException if a column is named in both sets
   */
  public ReadOptions {
    discrete = Collections.unmodifiableSet(new LinkedHashSet<>(discrete));
    continuous = Collections.unmodifiableSet(new LinkedHashSet<>(continuous));
    for (String name : discrete) {
      if (continuous.contains(name)) {
        throw new InvalidInputException("Column '" + name + "' is declared both discrete and continuous. "
            + "Name it in only one of the two lists.");
      }
    }
  }

  /**
   * Returns options that infer every column's kind.
   *
   * @return options with no overrides
   */
  public static ReadOptions defaults() {
    return new ReadOptions(Set.of(), Set.of());
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
     * Returns the options.
     *
     * @return the options
     * @throws InvalidInputException if a column is named both discrete and continuous
     */
    public ReadOptions build() {
      return new ReadOptions(discrete, continuous);
    }
  }
}
