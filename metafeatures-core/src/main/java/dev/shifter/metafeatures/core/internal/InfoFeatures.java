package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.EngineScalars;
import dev.shifter.api.TableView;
import java.util.ArrayList;
import java.util.List;

/**
 * pymfe's information-theory features over a view's attributes and label: the exact value from counts, the
 * gradient through the attributes' one-hots.
 */
public final class InfoFeatures {

  private InfoFeatures() {}

  /**
   * {@code mut_inf}: per attribute {@code H(a) + H(y) - H(y, a)}.
   *
   * @param view the view
   * @param feature the feature's name, for the message without a label
   * @return one value per attribute, in table order
   */
  public static NDArray mutualInformation(TableView view, String feature) {
    return mutualInformation(view, Attribute.label(view, feature), Attribute.all(view));
  }

  private static NDArray mutualInformation(TableView view, Attribute label, List<Attribute> attributes) {
    if (attributes.isEmpty()) {
      return view.manager().zeros(new Shape(0));
    }
    double classEntropy = InfoTheory.entropy(label);
    double[] exact = new double[attributes.size()];
    for (int i = 0; i < attributes.size(); i++) {
      Attribute a = attributes.get(i);
      exact[i] = InfoTheory.entropy(a) + classEntropy
          - InfoTheory.jointEntropy(InfoTheory.joint(label, a));
    }
    if (!view.needsGradients()) {
      return ExactForward.constant(view.continuous(), exact);
    }
    NDArray classPath = InfoTheory.entropy(label.oneHot());
    List<NDArray> paths = new ArrayList<>();
    for (Attribute a : attributes) {
      paths.add(InfoTheory.entropy(a.oneHot()).add(classPath)
          .sub(InfoTheory.jointEntropy(InfoTheory.joint(label.oneHot(), a.oneHot()))));
    }
    return ExactForward.of(exact, Vectors.concat(paths));
  }

  /**
   * {@code class_conc}: per attribute the concentration of the attribute towards the label.
   *
   * @param view the view
   * @param feature the feature's name
   * @return one value per attribute, in table order
   */
  public static NDArray classConcentration(TableView view, String feature) {
    Attribute label = Attribute.label(view, feature);
    List<Attribute> attributes = Attribute.all(view);
    if (attributes.isEmpty()) {
      return view.manager().zeros(new Shape(0));
    }
    double[] exact = new double[attributes.size()];
    for (int i = 0; i < attributes.size(); i++) {
      exact[i] = InfoTheory.concentration(InfoTheory.joint(attributes.get(i), label));
    }
    if (!view.needsGradients()) {
      return ExactForward.constant(view.continuous(), exact);
    }
    List<NDArray> paths = new ArrayList<>();
    for (Attribute a : attributes) {
      paths.add(InfoTheory.concentration(InfoTheory.joint(a.oneHot(), label.oneHot())));
    }
    return ExactForward.of(exact, Vectors.concat(paths));
  }

  /**
   * {@code attr_conc}: the concentration of A towards B for every ordered pair of distinct attributes.
   *
   * @param view the view
   * @return one value per ordered pair, A in table order and then B
   */
  public static NDArray attributeConcentration(TableView view) {
    List<Attribute> attributes = Attribute.all(view);
    int d = attributes.size();
    if (d < 2) {
      return view.manager().zeros(new Shape(0));
    }
    double[] exact = new double[d * (d - 1)];
    boolean gradient = view.needsGradients();
    List<NDArray> paths = new ArrayList<>();
    int k = 0;
    for (Attribute a : attributes) {
      for (Attribute b : attributes) {
        if (a != b) {
          exact[k++] = InfoTheory.concentration(InfoTheory.joint(a, b));
          if (gradient) {
            paths.add(InfoTheory.concentration(InfoTheory.joint(a.oneHot(), b.oneHot())));
          }
        }
      }
    }
    return gradient ? ExactForward.of(exact, Vectors.concat(paths)) : ExactForward.constant(view.continuous(), exact);
  }

  /**
   * {@code eq_num_attr}: {@code d H(y) / sum MI(a, y)}.
   *
   * @param view the view
   * @param feature the feature's name
   * @return one value
   */
  public static NDArray equivalentAttributes(TableView view, String feature) {
    Attribute label = Attribute.label(view, feature);
    NDArray information = mutualInformation(view, feature);
    int d = view.attributes().size();
    double exact = d * InfoTheory.entropy(label) / sum(information);
    if (!view.needsGradients()) {
      return ExactForward.constant(view.continuous(), new double[] {exact});
    }
    NDArray labelEntropy = InfoTheory.entropy(label.oneHot());
    NDArray path = labelEntropy.mul(EngineScalars.of(labelEntropy, d)).div(information.sum().reshape(1));
    return ExactForward.of(new double[] {exact}, path.reshape(1));
  }

  /**
   * {@code ns_ratio}: {@code (sum H(a) - sum MI(a, y)) / sum MI(a, y)}.
   *
   * @param view the view
   * @param feature the feature's name
   * @return one value
   */
  public static NDArray noiseSignalRatio(TableView view, String feature) {
    List<Attribute> attributes = Attribute.all(view);
    NDArray information = mutualInformation(view, Attribute.label(view, feature), attributes);
    double entropies = 0;
    for (Attribute a : attributes) {
      entropies += InfoTheory.entropy(a);
    }
    double signal = sum(information);
    double exact = (entropies - signal) / signal;
    if (!view.needsGradients()) {
      return ExactForward.constant(view.continuous(), new double[] {exact});
    }
    List<NDArray> paths = new ArrayList<>();
    for (Attribute a : attributes) {
      paths.add(InfoTheory.entropy(a.oneHot()));
    }
    NDArray entropyPath = paths.isEmpty() ? view.manager().zeros(new Shape(1))
        : Vectors.concat(paths).sum().reshape(1);
    NDArray signalPath = information.sum().reshape(1);
    NDArray path = entropyPath.sub(signalPath).div(signalPath);
    return ExactForward.of(new double[] {exact}, path.reshape(1));
  }

  /** The sum of a vector of exact forward values, in double from their float32 values. */
  private static double sum(NDArray values) {
    double total = 0;
    for (float value : values.toFloatArray()) {
      total += value;
    }
    return total;
  }
}
