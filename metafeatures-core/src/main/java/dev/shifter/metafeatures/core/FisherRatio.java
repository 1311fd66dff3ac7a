package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.ClassFeatures;

/**
 * pymfe's {@code f1} for each continuous column: {@code 1 / (1 + r)} with {@code r} the between-class over the
 * within-class sum of squares.
 */
public final class FisherRatio implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "f1";

  /** Creates the feature; it is stateless. */
  public FisherRatio() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arity arity() {
    return Arity.PER_COLUMN;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.UNIT_INTERVAL;
  }

  @Override
  public String description() {
    return "1 / (1 + Fisher's discriminant ratio) of each continuous column (pymfe f1)";
  }

  @Override
  public boolean needsLabel() {
    return true;
  }

  @Override
  public NDArray compute(TableView table) {
    return ClassFeatures.fisherRatio(table, NAME);
  }
}
