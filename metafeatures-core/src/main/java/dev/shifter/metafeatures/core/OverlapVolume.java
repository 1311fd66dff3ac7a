package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.ClassFeatures;

/**
 * pymfe's {@code f2} for each pair of classes: the product over the continuous columns of the overlap of the
 * two classes' ranges over their joint range.
 */
public final class OverlapVolume implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "f2";

  /** Creates the feature; it is stateless. */
  public OverlapVolume() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arity arity() {
    return Arity.PER_CLASS_PAIR;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.UNIT_INTERVAL;
  }

  @Override
  public String description() {
    return "volume of the overlap of each pair of classes over the continuous columns (pymfe f2; key a~b)";
  }

  @Override
  public boolean needsLabel() {
    return true;
  }

  @Override
  public NDArray compute(TableView table) {
    return ClassFeatures.overlapVolume(table, NAME);
  }
}
