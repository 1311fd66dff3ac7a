package dev.shifter.metafeatures.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.Arity;
import dev.shifter.api.FeatureDomain;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.TableView;
import dev.shifter.metafeatures.core.internal.Attribute;
import dev.shifter.metafeatures.core.internal.ExactForward;
import dev.shifter.metafeatures.core.internal.InfoTheory;
import dev.shifter.metafeatures.core.internal.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * The Shannon entropy, in bits, of each attribute (pymfe {@code attr_ent}): categorical attributes over their
 * categories, numeric ones over pymfe's {@code int(n^(1/3))} equal-frequency bins. The gradient flows through
 * the categorical blocks and the bins' straight-through relaxation.
 */
public final class AttributeEntropy implements MetaFeature {
  /** The name in target files and on the command line. */
  public static final String NAME = "attr_ent";

  /** Creates the feature; it is stateless. */
  public AttributeEntropy() {
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
    return "entropy (bits) of each attribute, numeric ones in n^(1/3) equal-frequency bins (pymfe attr_ent)";
  }

  @Override
  public NDArray compute(TableView table) {
    List<Attribute> attributes = Attribute.all(table);
    if (attributes.isEmpty()) {
      return table.manager().zeros(new Shape(0));
    }
    double[] exact = new double[attributes.size()];
    for (int i = 0; i < attributes.size(); i++) {
      exact[i] = InfoTheory.entropy(attributes.get(i));
    }
    if (!table.needsGradients()) {
      return ExactForward.constant(table.continuous(), exact);
    }
    List<NDArray> paths = new ArrayList<>();
    for (Attribute attribute : attributes) {
      paths.add(InfoTheory.entropy(attribute.oneHot()));
    }
    return ExactForward.of(exact, Vectors.concat(paths));
  }
}
