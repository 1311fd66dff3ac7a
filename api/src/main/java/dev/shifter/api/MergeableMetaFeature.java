package dev.shifter.api;

import java.io.Serializable;
import java.util.Map;

/**
 * A meta-feature that can also be computed from summaries of the parts of a table, merged in any order: the
 * form a distributed table (Spark's partitions) needs. A plug-in opts in by implementing this interface
 * besides {@link MetaFeature}; a feature that does not is computed on a sample of the rows there instead.
 *
 * <p>{@link #summarize(RowBlock)} sees one block of complete rows (the rows {@link MetaFeatureValues} would
 * keep for this feature: complete in the continuous columns for a feature of them, complete in every column
 * otherwise), {@link #merge} joins two summaries (associative and commutative up to rounding), and
 * {@link #finish} turns the summary of the whole table into the entries {@link MetaFeatureValues} would give,
 * keyed alike. Summaries travel between machines: keep them small (independent of the row count) and
 * {@link Serializable}. The exact forms of the built-in features agree with their differentiable forms to
 * rounding (they are computed in double precision).
 *
 * @param <S> the summary's type
 */
public interface MergeableMetaFeature<S extends Serializable> extends MetaFeature {

  /**
   * Summarizes one block of complete rows.
   *
   * @param block the rows, at least one
   * @return the block's summary
   * @throws InvalidInputException if the block lacks what the feature needs (its label, say)
   */
  S summarize(RowBlock block);

  /**
   * Merges two summaries of disjoint parts of the same table.
   *
   * @param left one summary; the method may reuse it for the result
   * @param right the other
   * @return the summary of both parts
   */
  S merge(S left, S right);

  /**
   * Computes the feature's entries from the summary of the whole table.
   *
   * @param summary the merged summary
   * @return the entries, keyed and ordered as {@link Arity#labels(java.util.List)} or
   *     {@link Arity#labels(TableView)} name them
   */
  Map<String, Double> finish(S summary);
}
