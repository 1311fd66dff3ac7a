package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.CategoricalBlock;
import dev.shifter.api.EngineScalars;
import dev.shifter.api.TableView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * pymfe's features of the continuous columns against the label ({@code gravity}, {@code f1}, {@code f2}):
 * the exact value in double, the gradient through float32 expressions of the continuous matrix.
 */
public final class ClassFeatures {
  private static final double FAR = 1e30;

  private ClassFeatures() {}

  /** The continuous matrix in double, row-major, with its shape and the label's raw codes. */
  private record Data(double[] x, int n, int d, int[] classes, int k) {
    static Data of(TableView view, String feature) {
      CategoricalBlock label = view.requireLabel(feature);
      int n = view.rows();
      int d = view.continuousNames().size();
      double[] x = view.continuous().toType(DataType.FLOAT64, false).toDoubleArray();
      return new Data(x, n, d, OneHot.codes(label.oneHot()), label.size());
    }

    double[] counts() {
      double[] counts = new double[k];
      for (int c : classes) {
        counts[c]++;
      }
      return counts;
    }

    double[][] centroids(double[] counts) {
      double[][] centroids = new double[k][d];
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < d; j++) {
          centroids[classes[r]][j] += x[r * d + j];
        }
      }
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < d; j++) {
          centroids[c][j] /= Math.max(1, counts[c]);
        }
      }
      return centroids;
    }
  }

  /**
   * {@code gravity}: the distance between the mean rows of the majority and the minority class.
   *
   * @param view the view
   * @param feature the feature's name
   * @return one value
   */
  public static NDArray gravity(TableView view, String feature) {
    Data data = Data.of(view, feature);
    double[] counts = data.counts();
    int majority = -1;
    for (int c = 0; c < data.k(); c++) {
      if (counts[c] > 0 && (majority < 0 || counts[c] > counts[majority])) {
        majority = c;
      }
    }
    int minority = -1;
    for (int c = 0; c < data.k(); c++) {
      if (c != majority && counts[c] > 0 && (minority < 0 || counts[c] < counts[minority])) {
        minority = c;
      }
    }
    if (majority < 0 || minority < 0) {
      return ExactForward.ofConstant(view.continuous(), 0);
    }
    double[][] centroids = data.centroids(counts);
    double squares = 0;
    for (int j = 0; j < data.d(); j++) {
      double gap = centroids[majority][j] - centroids[minority][j];
      squares += gap * gap;
    }
    if (!view.needsGradients()) {
      return ExactForward.constant(view.continuous(), new double[] {Math.sqrt(squares)});
    }
    NDArray labels = view.requireLabel(feature).oneHot();
    NDArray x = view.continuous();
    NDArray major = classMean(x, labels, majority, counts[majority]);
    NDArray minor = classMean(x, labels, minority, counts[minority]);
    NDArray path = major.sub(minor).square().sum().reshape(1).sqrt();
    return ExactForward.of(new double[] {Math.sqrt(squares)}, path);
  }

  /**
   * {@code f1}: per continuous column {@code 1 / (1 + between / within)} sums of squares.
   *
   * @param view the view
   * @param feature the feature's name
   * @return one value per continuous column
   */
  public static NDArray fisherRatio(TableView view, String feature) {
    Data data = Data.of(view, feature);
    int d = data.d();
    double[] counts = data.counts();
    double[][] centroids = data.centroids(counts);
    double[] mean = new double[d];
    for (int r = 0; r < data.n(); r++) {
      for (int j = 0; j < d; j++) {
        mean[j] += data.x()[r * d + j];
      }
    }
    double[] between = new double[d];
    double[] within = new double[d];
    for (int j = 0; j < d; j++) {
      mean[j] /= data.n();
      for (int c = 0; c < data.k(); c++) {
        double gap = centroids[c][j] - mean[j];
        between[j] += counts[c] * gap * gap;
      }
    }
    for (int r = 0; r < data.n(); r++) {
      for (int j = 0; j < d; j++) {
        double gap = data.x()[r * d + j] - centroids[data.classes()[r]][j];
        within[j] += gap * gap;
      }
    }
    double[] exact = new double[d];
    for (int j = 0; j < d; j++) {
      exact[j] = 1.0 / (1.0 + between[j] / within[j]);
    }
    if (!view.needsGradients()) {
      return ExactForward.constant(view.continuous(), exact);
    }
    NDArray x = view.continuous();
    NDArray labels = view.requireLabel(feature).oneHot();
    NDArray classCounts = labels.sum(new int[] {0}).maximum(1f).reshape(data.k(), 1);
    NDArray classMeans = labels.transpose().matMul(x).div(classCounts);
    NDArray globalMean = x.mean(new int[] {0}, true);
    NDArray betweenPath = classMeans.sub(globalMean).square().mul(classCounts).sum(new int[] {0});
    NDArray withinPath = x.sub(labels.matMul(classMeans)).square().sum(new int[] {0});
    NDArray ratio = betweenPath.div(withinPath);
    NDArray path = EngineScalars.of(ratio, 1.0).div(ratio.add(1f));
    return ExactForward.of(exact, path);
  }

  /**
   * {@code f2}: per pair of classes (sorted order) the product over the continuous columns of the overlap of
   * the two classes' ranges over their joint range. A pair with a class absent from the rows gives 0.
   *
   * @param view the view
   * @param feature the feature's name
   * @return one value per pair of classes
   */
  public static NDArray overlapVolume(TableView view, String feature) {
    Data data = Data.of(view, feature);
    int k = data.k();
    int d = data.d();
    double[][] min = new double[k][d];
    double[][] max = new double[k][d];
    for (int c = 0; c < k; c++) {
      Arrays.fill(min[c], Double.POSITIVE_INFINITY);
      Arrays.fill(max[c], Double.NEGATIVE_INFINITY);
    }
    for (int r = 0; r < data.n(); r++) {
      int c = data.classes()[r];
      for (int j = 0; j < d; j++) {
        double v = data.x()[r * d + j];
        min[c][j] = Math.min(min[c][j], v);
        max[c][j] = Math.max(max[c][j], v);
      }
    }
    double[] counts = data.counts();
    boolean gradient = view.needsGradients();
    NDArray x = view.continuous();
    NDArray labels = view.requireLabel(feature).oneHot();
    List<Double> exact = new ArrayList<>();
    List<NDArray> paths = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        if (counts[a] == 0 || counts[b] == 0) {
          exact.add(0.0);
          paths.add(view.manager().zeros(new Shape(1)));
          continue;
        }
        double product = 1;
        for (int j = 0; j < d; j++) {
          double overlap = Math.max(0, Math.min(max[a][j], max[b][j]) - Math.max(min[a][j], min[b][j]));
          product *= overlap / (Math.max(max[a][j], max[b][j]) - Math.min(min[a][j], min[b][j]));
        }
        exact.add(product);
        if (!gradient) {
          continue;
        }
        NDArray maxA = classExtreme(x, labels, a, true);
        NDArray maxB = classExtreme(x, labels, b, true);
        NDArray minA = classExtreme(x, labels, a, false);
        NDArray minB = classExtreme(x, labels, b, false);
        NDArray overlap = maxA.minimum(maxB).sub(minA.maximum(minB)).maximum(0f);
        NDArray width = maxA.maximum(maxB).sub(minA.minimum(minB));
        paths.add(overlap.div(width).prod().reshape(1));
      }
    }
    double[] values = exact.stream().mapToDouble(Double::doubleValue).toArray();
    if (values.length == 0) {
      return view.manager().zeros(new Shape(0));
    }
    return gradient ? ExactForward.of(values, Vectors.concat(paths)) : ExactForward.constant(view.continuous(), values);
  }

  private static NDArray classMean(NDArray x, NDArray labels, int c, double count) {
    NDArray mask = labels.get(":, " + c + ":" + (c + 1));
    NDArray sums = mask.transpose().matMul(x);
    return sums.div(EngineScalars.of(sums, count)).reshape(x.getShape().get(1));
  }

  private static NDArray classExtreme(NDArray x, NDArray labels, int c, boolean largest) {
    NDArray mask = labels.get(":, " + c + ":" + (c + 1));
    NDArray outside = mask.neg().add(1f);
    outside = outside.mul(EngineScalars.of(outside, largest ? -FAR : FAR));
    NDArray masked = x.mul(mask).add(outside);
    return largest ? masked.max(new int[] {0}) : masked.min(new int[] {0});
  }
}
