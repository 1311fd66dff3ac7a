package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.InfoFeatures;

/**
 * The concentration coefficient of attribute A towards attribute B for every ordered pair, numeric
 * attributes in pymfe's equal-frequency bins (pymfe {@code attr_conc} with {@code max_attr_num=None}).
 */
public final class AttributeConcentration implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "attr_conc";

  /** Creates the feature; it is stateless. */
  public AttributeConcentration() {
    // stateless
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arity arity() {
    return Arity.PER_ORDERED_PAIR;
  }

  @Override
  public FeatureDomain domain() {
    return FeatureDomain.NON_NEGATIVE;
  }

  @Override
  public String description() {
    return "concentration coefficient of each ordered pair of attributes (pymfe attr_conc, every attribute; key A~B)";
  }

  @Override
  public NDArray compute(TableView table) {
    return InfoFeatures.attributeConcentration(table);
  }
}
