package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MergeableMetaFeature;
import dev.shifter.api.RowBlock;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.Attribute;
import dev.shifter.metafeatures.core.internal.CategoryCounts;
import dev.shifter.metafeatures.core.internal.ExactForward;
import dev.shifter.metafeatures.core.internal.InfoTheory;
import java.util.Map;

/**
 * The Shannon entropy, in bits, of the label (pymfe {@code class_ent}); its gradient is that of the label's
 * one-hot block.
 */
public final class ClassEntropy implements MergeableMetaFeature<CategoryCounts> {
  /** The name in target files and on the command line. */
  public static final String NAME = "class_ent";

  /** Creates the feature; it is stateless. */
  public ClassEntropy() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arity arity() {
    return Arity.SCALAR;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.NON_NEGATIVE;
  }

  @Override
  public String description() {
    return "entropy (bits) of the label (pymfe class_ent)";
  }

  @Override
  public boolean needsLabel() {
    return true;
  }

  @Override
  public NDArray compute(TableView table) {
    Attribute label = Attribute.label(table, NAME);
    double[] exact = {InfoTheory.entropy(label)};
    return table.needsGradients() ? ExactForward.of(exact, InfoTheory.entropy(label.oneHot()))
        : ExactForward.constant(table.continuous(), exact);
  }

  /** Summarizes the block exactly, in double precision. */
  @Override
  public CategoryCounts summarize(RowBlock block) {
    return CategoryCounts.of(block, true, NAME);
  }

  @Override
  public CategoryCounts merge(CategoryCounts left, CategoryCounts right) {
    return left.merge(right);
  }

  @Override
  public Map<String, Double> finish(CategoryCounts summary) {
    return Map.of("value", summary.lastColumnEntropy());
  }
}
