package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.Arity;
import dev.shifter.api.CategoricalBlock;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MergeableMetaFeature;
import dev.shifter.api.RowBlock;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.CategoryCounts;
import dev.shifter.metafeatures.core.internal.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The share of rows in each category of each categorical column, the label's last: the mean of the column's
 * one-hot block, so its gradient is that of the block (a straight-through one-hot on generated rows). pymfe
 * has no such feature; {@code freq_class} is its label-only relative.
 */
public final class Freq implements MergeableMetaFeature<CategoryCounts> {
  /** The name in target files and on the command line. */
  public static final String NAME = "freq";

  /** Creates the feature; it is stateless. */
  public Freq() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arity arity() {
    return Arity.PER_CATEGORY;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.UNIT_INTERVAL;
  }

  @Override
  public String description() {
    return "share of rows in each category of each categorical column, the label's too (key column=category)";
  }

  @Override
  public NDArray compute(TableView table) {
    List<NDArray> shares = new ArrayList<>();
    for (CategoricalBlock block : table.categoricalWithLabel()) {
      shares.add(block.oneHot().mean(new int[] {0}));
    }
    if (shares.isEmpty()) {
      return table.manager().zeros(new Shape(0));
    }
    return Vectors.concat(shares);
  }

  /** Summarizes the block exactly, in double precision. */
  @Override
  public CategoryCounts summarize(RowBlock block) {
    return CategoryCounts.of(block, false, NAME);
  }

  @Override
  public CategoryCounts merge(CategoryCounts left, CategoryCounts right) {
    return left.merge(right);
  }

  @Override
  public Map<String, Double> finish(CategoryCounts summary) {
    return summary.shares();
  }
}
