package dev.shifter.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How closely each column's distribution in the synthetic table follows the real one, 1 meaning
 * identical.
 *
 * <ul>
 *   <li>Continuous columns: the KS complement {@code 1 - D}, with {@code D} the two-sample
 *       Kolmogorov-Smirnov statistic (the largest gap between the two empirical distribution
 *       functions); missing values are ignored. A column missing everywhere in one table only scores 0,
 *       in both tables 1.
 *   <li>Categorical columns: the TV complement {@code 1 - 0.5 sum_c |p_real(c) - p_synthetic(c)|} over
 *       the categories of both tables, {@code p} being the share of rows; a missing value is a category
 *       of its own.
 * </ul>
 *
 * @param meanKsComplement the mean KS complement of the continuous columns; empty when there are none
 * @param meanTvComplement the mean TV complement of the categorical columns; empty when there are none
 * @param ksComplements each continuous column's KS complement, in table order
 * @param tvComplements each categorical column's TV complement, in table order
 */
public record MarginalFidelity(OptionalDouble meanKsComplement, OptionalDouble meanTvComplement,
    Map<String, Double> ksComplements, Map<String, Double> tvComplements) {
  /** Copies the maps, keeping their order. */
  public MarginalFidelity {
    ksComplements = Collections.unmodifiableMap(new LinkedHashMap<>(ksComplements));
    tvComplements = Collections.unmodifiableMap(new LinkedHashMap<>(tvComplements));
  }
}
