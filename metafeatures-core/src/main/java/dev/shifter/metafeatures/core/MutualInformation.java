package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.InfoFeatures;

/**
 * The mutual information, in bits, of each attribute and the label, {@code H(a) + H(y) - H(a, y)}, numeric
 * attributes cut into pymfe's equal-frequency bins and the joint table smoothed by 1e-8 as pymfe does
 * (pymfe {@code mut_inf}). Not the Gaussian pairwise {@code gaussian_mi}. The gradient flows through the
 * bins' straight-through relaxation.
 */
public final class MutualInformation implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "mut_inf";

  /** Creates the feature; it is stateless. */
  public MutualInformation() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arity arity() {
    return Arity.PER_ATTRIBUTE;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.NON_NEGATIVE;
  }

  @Override
  public String description() {
    return "mutual information (bits) of each attribute and the label, numeric attributes in n^(1/3) "
        + "equal-frequency bins (pymfe mut_inf)";
  }

  @Override
  public boolean needsLabel() {
    return true;
  }

  @Override
  public NDArray compute(TableView table) {
    return InfoFeatures.mutualInformation(table, NAME);
  }
}
