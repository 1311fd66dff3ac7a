package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.InfoFeatures;

/**
 * The concentration coefficient (Goodman and Kruskal's tau) of each attribute towards the label, numeric
 * attributes in pymfe's equal-frequency bins (pymfe {@code class_conc}).
 */
public final class ClassConcentration implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "class_conc";

  /** Creates the feature; it is stateless. */
  public ClassConcentration() {
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
    return "concentration coefficient of each attribute towards the label (pymfe class_conc)";
  }

  @Override
  public boolean needsLabel() {
    return true;
  }

  @Override
  public NDArray compute(TableView table) {
    return InfoFeatures.classConcentration(table, NAME);
  }
}
