package dev.shifter.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.RegisteredMetaFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times every installed core meta-feature on one {@code n x d} float32 matrix: forward alone, and
 * forward plus backward through autograd. The matrix is read from a raw little-endian float32 file so
 * that the numpy/scipy script times exactly the same numbers. A benchmark is a command-line program, so
 * it prints to standard output.
 *
 * <p>Usage: {@code MetaFeatureBench MATRIX.f32 ROWS COLS [REPEATS]}; prints one TSV line per feature:
 * {@code name  forward_ms  forward_backward_ms} (medians over the repeats, after two warm-up runs).
 */
public final class MetaFeatureBench {
  private MetaFeatureBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args the matrix file, rows, columns and optionally the number of timed repeats
   * @throws IOException if the matrix cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int rows = Integer.parseInt(args[1]);
    int cols = Integer.parseInt(args[2]);
    int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 7;
    PrintStream out = System.out;
    MetaFeatureRegistry registry = MetaFeatureRegistry.loadInstalled();
    List<RegisteredMetaFeature> features = registry.all().stream().filter(f -> f.providerId().equals("core")).toList();
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.create(read(file, rows, cols), new Shape(rows, cols), DataType.FLOAT32);
      x.setRequiresGradient(true);
      for (RegisteredMetaFeature feature : features) {
        double forward = median(time(manager, x, List.of(feature), false, repeats));
        double backward = median(time(manager, x, List.of(feature), true, repeats));
        out.printf(Locale.ROOT, "%s\t%.1f\t%.1f%n", feature.name(), forward, backward);
      }
      double forwardAll = median(time(manager, x, features, false, repeats));
      double backwardAll = median(time(manager, x, features, true, repeats));
      out.printf(Locale.ROOT, "%s\t%.1f\t%.1f%n", "ALL (one pass)", forwardAll, backwardAll);
    }
  }

  /** Reads a raw little-endian float32 matrix, as the numpy scripts write it. */
  static ByteBuffer read(Path file, int rows, int cols) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocateDirect(rows * cols * 4).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // keep reading until the buffer is full
      }
    }
    return buffer.flip();
  }

  private static double[] time(
      NDManager parent, NDArray x, List<RegisteredMetaFeature> features, boolean backward, int repeats) {
    double[] millis = new double[repeats + 2];
    for (int r = 0; r < millis.length; r++) {
      try (NDManager step = parent.newSubManager()) {
        // Everything computed from x lands in the step's manager and is freed with it.
        x.tempAttach(step);
        long start = System.nanoTime();
        if (backward) {
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            for (RegisteredMetaFeature feature : features) {
              NDArray s = feature.compute(x).sum();
              loss = loss == null ? s : loss.add(s);
            }
            collector.backward(loss);
            x.getGradient().getFloat(0, 0);
          }
        } else {
          for (RegisteredMetaFeature feature : features) {
            feature.compute(x).getFloat(0);
          }
        }
        millis[r] = (System.nanoTime() - start) / 1e6;
      }
    }
    return Arrays.copyOfRange(millis, 2, millis.length);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
}
