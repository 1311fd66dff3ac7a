package dev.shifter.bench;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.shifter.api.CategoricalBlock;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.TableView;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Times the class-aware core meta-features on one {@code n x d} float32 matrix with a label: forward alone on
 * all {@code n} rows, and forward plus backward (the gradient with respect to the matrix) on the first
 * {@code BACKWARD_ROWS} rows. The matrix and the labels are read from the raw files the numpy script writes,
 * so both time the same numbers.
 *
 * <p>Usage: {@code ClassAwareBench MATRIX.f32 LABELS.i8 ROWS COLS REPEATS BACKWARD_ROWS}; prints one TSV line
 * per feature: {@code name forward_ms forward_backward_ms backward_rows} (medians, after one warm-up run;
 * NaN where no gradient reaches the matrix: {@code freq} of the label, {@code nr_class}).
 */
public final class ClassAwareBench {
  private static final List<String> FEATURES = List.of("freq", "attr_ent", "nr_class", "class_ent", "mut_inf",
      "class_conc", "attr_conc", "eq_num_attr", "ns_ratio", "gravity", "f1", "f2");

  private ClassAwareBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args the matrix file, the label file, rows, columns, repeats and the rows of the backward pass
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path matrixFile = Path.of(args[0]);
    byte[] labels = Files.readAllBytes(Path.of(args[1]));
    int rows = Integer.parseInt(args[2]);
    int cols = Integer.parseInt(args[3]);
    int repeats = Integer.parseInt(args[4]);
    int backwardRows = Math.min(rows, Integer.parseInt(args[5]));
    PrintStream out = System.out;
    MetaFeatureRegistry registry = MetaFeatureRegistry.loadInstalled();
    List<RegisteredMetaFeature> features = FEATURES.stream().map(registry::get).toList();
    int classes = 0;
    for (byte label : labels) {
      classes = Math.max(classes, label + 1);
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(MetaFeatureBench.read(matrixFile, rows, cols), new Shape(rows, cols),
          DataType.FLOAT32);
      NDArray oneHot = oneHot(manager, labels, rows, classes);
      NDArray xSmall = x.get("0:" + backwardRows + ", :").duplicate();
      NDArray oneHotSmall = oneHot.get("0:" + backwardRows + ", :").duplicate();
      xSmall.setRequiresGradient(true);
      List<String> names = new ArrayList<>();
      for (int j = 0; j < cols; j++) {
        names.add("x" + j);
      }
      List<String> classNames = new ArrayList<>();
      for (int c = 0; c < classes; c++) {
        classNames.add(Integer.toString(c));
      }
      for (RegisteredMetaFeature feature : features) {
        double forward = Percentiles.median(
            time(manager, x, oneHot, names, classNames, List.of(feature), false, repeats));
        double both = Percentiles.median(
            time(manager, xSmall, oneHotSmall, names, classNames, List.of(feature), true, repeats));
        out.printf(Locale.ROOT, "%s\t%.1f\t%.1f\t%d%n", feature.name(), forward, both, backwardRows);
      }
      double forwardAll = Percentiles.median(time(manager, x, oneHot, names, classNames, features, false, repeats));
      double bothAll = Percentiles.median(
          time(manager, xSmall, oneHotSmall, names, classNames, features, true, repeats));
      out.printf(Locale.ROOT, "%s\t%.1f\t%.1f\t%d%n", "ALL (one pass)", forwardAll, bothAll, backwardRows);
    }
  }

  private static NDArray oneHot(NDManager manager, byte[] labels, int rows, int classes) {
    float[] values = new float[rows * classes];
    for (int r = 0; r < rows; r++) {
      values[r * classes + labels[r]] = 1f;
    }
    return manager.create(values, new Shape(rows, classes));
  }

  private static double[] time(NDManager parent, NDArray x, NDArray oneHot, List<String> names,
      List<String> classNames, List<RegisteredMetaFeature> features, boolean backward, int repeats) {
    double[] millis = new double[repeats + 1];
    for (int r = 0; r < millis.length; r++) {
      try (NDManager step = parent.newSubManager()) {
        x.tempAttach(step);
        oneHot.tempAttach(step);
        TableView plain = new TableView(x, names, List.of(), new CategoricalBlock("y", classNames, oneHot), names);
        TableView view = backward ? plain.withGradients() : plain;
        long start = System.nanoTime();
        if (backward) {
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            for (RegisteredMetaFeature feature : features) {
              NDArray s = feature.compute(view).sum();
              loss = loss == null ? s : loss.add(s);
            }
            try {
              collector.backward(Objects.requireNonNull(loss));
            } catch (EngineException e) {
              return new double[] {Double.NaN};
            }
            x.getGradient().getFloat(0, 0);
          }
        } else {
          for (RegisteredMetaFeature feature : features) {
            feature.compute(view).toFloatArray();
          }
        }
        millis[r] = (System.nanoTime() - start) / 1e6;
      }
    }
    return Arrays.copyOfRange(millis, 1, millis.length);
  }
}
