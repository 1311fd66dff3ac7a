package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.InfoFeatures;

/**
 * The noise-signal ratio, {@code (sum H(a) - sum MI(a, y)) / sum MI(a, y)} (pymfe {@code ns_ratio}).
 */
public final class NoiseSignalRatio implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "ns_ratio";

  /** Creates the feature; it is stateless. */
  public NoiseSignalRatio() {
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
    return FeatureDomain.ANY_REAL;
  }

  @Override
  public String description() {
    return "summed attribute entropy less mutual information, over the mutual information (pymfe ns_ratio)";
  }

  @Override
  public boolean needsLabel() {
    return true;
  }

  @Override
  public NDArray compute(TableView table) {
    return InfoFeatures.noiseSignalRatio(table, NAME);
  }
}
