package dev.shifter.shift;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.ContinuousMatrix;
import dev.shifter.api.EncodedBlock;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.Table;
import dev.shifter.api.TableView;
import dev.shifter.api.TargetValue;
import dev.shifter.api.ValueBounds;
import dev.shifter.commons.Seeds;
import dev.shifter.shift.internal.Calibration;
import dev.shifter.shift.internal.Constants;
import dev.shifter.shift.internal.ResolvedTargets;
import dev.shifter.shift.internal.ShiftNetworks;
import dev.shifter.shift.internal.TiltWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;

/**
 * Everything a trained (or training) Shifter is made of: the frozen generator, the targets resolved
 * against the meta-features, the calibration, and the networks whose parameters live in
 * {@link #manager}.
 */
final class ShifterState implements AutoCloseable {
  final NDManager manager;
  final GeneratorAdapter adapter;
  final ModelReference model;
  final ShifterConfig config;
  final Targets targets;
  final ResolvedTargets resolved;
  final Calibration calibration;
  final ShiftNetworks networks;

  ShifterState(NDManager manager, GeneratorAdapter adapter, ModelReference model, ShifterConfig config,
      Targets targets, ResolvedTargets resolved, Calibration calibration, ShiftNetworks networks) {
    this.manager = manager;
    this.adapter = adapter;
    this.model = model;
    this.config = config;
    this.targets = targets;
    this.resolved = resolved;
    this.calibration = calibration;
    this.networks = networks;
  }

  /**
   * Decides whether a Shifter learns the conditional vectors' distribution ({@link ShifterConfig#condition()})
   * and returns the data's probabilities its condition head starts from.
   *
   * @param config the settings
   * @param resolved the targets
   * @param adapter the generator
   * @return the probabilities, or an empty array when the conditional vectors are drawn from the data
   * @throws InvalidInputException if {@code learnt} is asked for and the generator cannot tell them
   */
  static double[] conditionProbabilities(ShifterConfig config, ResolvedTargets resolved, GeneratorAdapter adapter) {
    double[] probabilities = adapter.condDim() > 0 ? adapter.condProbabilities() : new double[0];
    boolean available = probabilities.length == adapter.condDim() && probabilities.length > 0;
    switch (config.condition()) {
      case ShifterConfig.CONDITION_LEARNT -> {
        if (!available) {
          throw new InvalidInputException("Setting condition is learnt, but the generator " + (adapter.condDim() == 0
              ? "has no categorical column, so it has no conditional vector to learn"
              : "does not tell the frequencies of its conditional vector") + ". Set condition to data or auto.");
        }
        return probabilities;
      }
      case ShifterConfig.CONDITION_AUTO -> {
        return available && resolved.needsView() ? probabilities : new double[0];
      }
      default -> {
        return new double[0];
      }
    }
  }

  /** Returns the lowest value of each entry. */
  double[] lows() {
    return targets.entries().stream().mapToDouble(TargetEntry::low).toArray();
  }

  /** Returns the highest value of each entry. */
  double[] highs() {
    return targets.entries().stream().mapToDouble(TargetEntry::high).toArray();
  }

  /** Returns the middle of each entry's range (the value of a fixed entry). */
  double[] midpoints() {
    return targets.entries().stream().mapToDouble(TargetEntry::midpoint).toArray();
  }

  /**
   * Maps fixed targets onto the trained entries, checking that they name exactly these entries, each
   * inside its trained range.
   */
  double[] valuesOf(Targets wanted) {
    if (wanted.isRange()) {
      throw new InvalidInputException("Generation needs fixed target values, not a range. Give one value per entry, "
          + "e.g. " + targets.midpoint().toJson().replaceAll("\\s+", " ") + ".");
    }
    List<String> problems = new ArrayList<>();
    double[] values = new double[targets.entries().size()];
    for (int i = 0; i < values.length; i++) {
      TargetEntry trained = targets.entries().get(i);
      var given = wanted.find(trained.feature(), trained.key());
      if (given.isEmpty()) {
        problems.add("no value for " + trained.label() + " (the Shifter was trained for it)");
        continue;
      }
      double value = given.get().low();
      double slack = 1e-9 * Math.max(1, Math.max(Math.abs(trained.low()), Math.abs(trained.high())));
      if (value < trained.low() - slack || value > trained.high() + slack) {
        problems.add(trained.label() + " = " + value + " is outside the trained "
            + (trained.isFixed() ? "target " + trained.low() : "range [" + trained.low() + ", " + trained.high() + "]"));
      }
      values[i] = value;
    }
    for (TargetEntry entry : wanted.entries()) {
      if (targets.find(entry.feature(), entry.key()).isEmpty()) {
        problems.add(entry.label() + " was not trained for");
      }
    }
    if (!problems.isEmpty()) {
      String fix = targets.isRange() ? "Give a value inside the trained range for each trained entry, or train a new "
          + "Shifter for these targets."
          : "This Shifter was trained for one fixed target; to generate for others, train it for a range with "
              + "Targets.range.";
      throw new InvalidInputException("The target does not fit this Shifter: " + String.join("; ", problems) + ". "
          + fix, targets.isRange() ? new Remedy[0] : new Remedy[] {Remedy.set(Setting.TARGET_RANGE)});
    }
    return values;
  }

  /** Shifts {@code z} towards the target values; the result lands in {@code z}'s manager. */
  NDArray shift(NDArray z, double[] target, boolean training) {
    NDArray u = Constants.of(z.getManager(), calibration.normalise(target), new Shape(1, target.length));
    return networks.shift(z, u, training);
  }

  /**
   * Draws the conditional vectors of shifted rows: from the learnt distribution when the networks learn
   * it, else from the data's frequencies as the plain generator does.
   *
   * @param scope the manager of the result
   * @param rows the number of rows
   * @param target the target values the Shifter conditions on
   * @param training whether a graph is being recorded (a straight-through draw for the condition head)
   * @return {@code rows x condDim} one-hot rows
   */
  NDArray condition(NDManager scope, int rows, double[] target, boolean training) {
    if (!networks.learnsCondition()) {
      return adapter.sampleCondVec(scope, rows);
    }
    NDArray u = Constants.of(scope, calibration.normalise(target), new Shape(1, target.length));
    return networks.drawCondition(scope, rows, u, training);
  }

  /**
   * Generates rows with a graph and measures the targeted entries on them.
   *
   * @param z the (shifted) noise
   * @param cond the conditional vectors
   * @return the continuous columns of the rows and the entries' values
   */
  Measured measured(NDArray z, NDArray cond) {
    if (!resolved.needsView()) {
      NDArray x = adapter.generateDifferentiable(z, cond);
      return new Measured(x, resolved.values(x));
    }
    TableView view = adapter.generateView(z, cond, resolved.label());
    return new Measured(view.continuous(), resolved.values(view));
  }

  /**
   * Generated rows and the targeted entries measured on them.
   *
   * @param generated the continuous columns, {@code n x d}
   * @param values the entries' values, in target order
   */
  record Measured(NDArray generated, NDArray values) {}

  /**
   * Measures the targeted entries of a shifted batch drawn with the given engine seed (the
   * differentiable path, run without a graph).
   */
  double[] reached(double[] target, int rows, int engineSeed) {
    try (NDManager scope = manager.newSubManager()) {
      Engine.getInstance().setRandomSeed(engineSeed);
      NDArray z = scope.randomNormal(new Shape(rows, adapter.latentDim()));
      NDArray cond = condition(scope, rows, target, false);
      NDArray shifted = shift(z, target, false);
      return toDoubles(measured(shifted, cond).values().toFloatArray());
    }
  }

  /**
   * Finds the entries whose columns have more shifted than unshifted rows at a bound, by more than
   * {@link BoundPile#THRESHOLD} of the rows, on a batch drawn with the given engine seed.
   */
  List<BoundPile> boundPiles(double[] target, int rows, int engineSeed) {
    List<ValueBounds> bounds = adapter.continuousBounds();
    int d = adapter.continuousColumns().size();
    PairedBatch batch = pairedBatch(target, rows, engineSeed, false);
    float[] shiftedValues = batch.shiftedValues();
    float[] plainValues = batch.plainValues();
    List<BoundPile> piles = new ArrayList<>();
    for (int i = 0; i < targets.entries().size(); i++) {
      for (int column : resolved.columnsOf(i)) {
        ValueBounds bound = bounds.get(column);
        if (!bound.isBounded()) {
          continue;
        }
        for (boolean atMaximum : new boolean[] {false, true}) {
          float edge = (float) (atMaximum ? bound.max() : bound.min());
          double shiftedShare = shareAt(shiftedValues, column, d, edge, atMaximum);
          double plainShare = shareAt(plainValues, column, d, edge, atMaximum);
          if (shiftedShare - plainShare > BoundPile.THRESHOLD) {
            piles.add(new BoundPile(targets.entries().get(i).label(), adapter.continuousColumns().get(column),
                atMaximum ? bound.max() : bound.min(), atMaximum, shiftedShare, plainShare));
          }
        }
      }
    }
    return piles;
  }

  /**
   * Checks the realism limits ({@link ShifterConfig#maxShareShift()}, {@link ShifterConfig#maxBoundExcess()})
   * on a shifted batch drawn with the given engine seed, against the unshifted rows of the same noise
   * reweighted to the targets ({@link TiltWeights}, the I-projection; unweighted when they cannot be):
   * the shift may move what the closest table with the targets moves, and no more than the limits
   * beyond it.
   *
   * @return {@code null} when the batch keeps within them, else what broke the worst one, in words
   */
  @Nullable String realismViolation(double[] target, int rows, int engineSeed) {
    double maxShare = config.maxShareShift();
    double maxExcess = config.maxBoundExcess();
    if (maxShare >= 1 && maxExcess >= 1) {
      return null;
    }
    List<ValueBounds> bounds = adapter.continuousBounds();
    List<String> columns = adapter.continuousColumns();
    List<String> targeted = resolved.targetedColumns();
    List<EncodedBlock> blocks = adapter.categoricalBlocks().stream()
        .filter(block -> !targeted.contains(block.column())).toList();
    PairedBatch batch = pairedBatch(target, rows, engineSeed, !blocks.isEmpty() && maxShare < 1);
    float[] shiftedValues = batch.shiftedValues();
    float[] plainValues = batch.plainValues();
    float[] shiftedShares = batch.shiftedShares();
    float[] plainRows = batch.plainEncoded();
    int width = shiftedShares.length;
    double[] weights = Objects.requireNonNullElseGet(TiltWeights.of(targetValues(target), columns, plainValues),
        () -> TiltWeights.uniform(rows));
    double[] plainShares = new double[width];
    for (int i = 0; i < rows && width > 0; i++) {
      for (int k = 0; k < width; k++) {
        plainShares[k] += weights[i] * plainRows[i * width + k];
      }
    }
    @Nullable String worst = null;
    double worstOver = 1;
    for (int column = 0; column < columns.size() && maxExcess < 1; column++) {
      ValueBounds bound = bounds.get(column);
      if (!bound.isBounded()) {
        continue;
      }
      for (boolean atMaximum : new boolean[] {false, true}) {
        float edge = (float) (atMaximum ? bound.max() : bound.min());
        double shiftedShare = shareAt(shiftedValues, column, columns.size(), edge, atMaximum);
        double plainShare = weightedShareAt(plainValues, weights, column, columns.size(), edge, atMaximum);
        double over = (shiftedShare - plainShare) / Math.max(maxExcess, 1e-9);
        if (over > 1 && over > worstOver) {
          worstOver = over;
          worst = String.format(Locale.ROOT, "%.1f %% of the rows at %s's %s value %s (%.1f %% in the closest reweighting; the limit "
              + "max_bound_excess is %s)", 100 * shiftedShare, columns.get(column), atMaximum ? "largest" : "smallest",
              (float) (atMaximum ? bound.max() : bound.min()), 100 * plainShare, maxExcess);
        }
      }
    }
    for (EncodedBlock block : shiftedShares.length == 0 ? List.<EncodedBlock>of() : blocks) {
      double variation = 0;
      for (int k = block.start(); k < block.start() + block.width(); k++) {
        variation += Math.abs(shiftedShares[k] - plainShares[k]) / 2;
      }
      double over = variation / Math.max(maxShare, 1e-9);
      if (over > 1 && over > worstOver) {
        worstOver = over;
        worst = String.format(Locale.ROOT, "%s's category shares %.2f away from the closest reweighting's (total variation; the limit "
            + "max_share_shift is %s)", block.column(), variation, maxShare);
      }
    }
    return worst;
  }

  /**
   * A shifted batch and the unshifted one of the same noise, decoded with the same Gumbel draws.
   *
   * @param shiftedValues the shifted rows' continuous values, row-major
   * @param plainValues the unshifted rows' continuous values, row-major
   * @param shiftedShares the shifted rows' mean encoded row (empty unless asked for)
   * @param plainEncoded the unshifted rows' encoded rows, row-major (empty unless asked for)
   */
  private record PairedBatch(float[] shiftedValues, float[] plainValues, float[] shiftedShares,
      float[] plainEncoded) {}

  private PairedBatch pairedBatch(double[] target, int rows, int engineSeed, boolean encoded) {
    try (NDManager scope = manager.newSubManager()) {
      Engine.getInstance().setRandomSeed(engineSeed);
      NDArray z = scope.randomNormal(new Shape(rows, adapter.latentDim()));
      NDArray cond = adapter.sampleCondVec(scope, rows);
      NDArray shiftedCond = networks.learnsCondition() ? condition(scope, rows, target, false) : cond;
      NDArray shifted = shift(z, target, false);
      int decodeSeed = Seeds.fold(Seeds.derive(engineSeed, 1));
      Engine.getInstance().setRandomSeed(decodeSeed);
      float[] shiftedValues = adapter.generateDifferentiable(shifted, shiftedCond).toFloatArray();
      Engine.getInstance().setRandomSeed(decodeSeed);
      float[] plainValues = adapter.generateDifferentiable(z, cond).toFloatArray();
      if (!encoded) {
        return new PairedBatch(shiftedValues, plainValues, new float[0], new float[0]);
      }
      return new PairedBatch(shiftedValues, plainValues,
          adapter.generateEncoded(shifted, shiftedCond).mean(new int[] {0}).toFloatArray(),
          adapter.generateEncoded(z, cond).toFloatArray());
    }
  }

  /** The values the targets ask for at {@code target}, one per entry. */
  List<TargetValue> targetValues(double[] target) {
    List<TargetEntry> entries = targets.entries();
    List<TargetValue> values = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      values.add(new TargetValue(entries.get(i).feature(), entries.get(i).key(), target[i]));
    }
    return values;
  }

  /** The weighted share of rows of column {@code c} (of {@code d}) at or beyond {@code edge}. */
  private static double weightedShareAt(float[] values, double[] weights, int c, int d, float edge,
      boolean atMaximum) {
    double share = 0;
    for (int r = 0; r < weights.length; r++) {
      float v = values[r * d + c];
      share += (atMaximum ? v >= edge : v <= edge) ? weights[r] : 0;
    }
    return share;
  }

  /** The share of rows of column {@code c} (of {@code d}) at or beyond {@code edge}. */
  private static double shareAt(float[] values, int c, int d, float edge, boolean atMaximum) {
    int rows = values.length / d;
    int count = 0;
    for (int r = 0; r < rows; r++) {
      float v = values[r * d + c];
      count += (atMaximum ? v >= edge : v <= edge) ? 1 : 0;
    }
    return rows == 0 ? 0 : (double) count / rows;
  }

  /** Builds the report of measured values against targets. */
  List<TargetReport> report(double[] target, double[] reached, double[] unshifted, int rows) {
    List<TargetReport> report = new ArrayList<>(target.length);
    for (int i = 0; i < target.length; i++) {
      TargetEntry entry = targets.entries().get(i);
      double tolerance = calibration.tolerance(i, target[i], rows, config.tolerance(), config.absoluteTolerance());
      report.add(new TargetReport(entry.feature(), entry.key(), target[i], reached[i], unshifted[i], tolerance,
          Math.abs(reached[i] - target[i]) <= tolerance));
    }
    return report;
  }

  /** Generates a shifted table and its report; see {@link TrainedShifter#generate}. */
  ShiftedTable generate(BufferAllocator allocator, int rows, long seed, double[] target) {
    if (rows < 1) {
      throw new InvalidInputException("The number of rows must be at least 1, got " + rows + ".");
    }
    Engine engine = Engine.getInstance();
    try (NDManager scope = manager.newSubManager()) {
      engine.setRandomSeed(Seeds.fold(Seeds.derive(seed, 0)));
      NDArray z = scope.randomNormal(new Shape(rows, adapter.latentDim()));
      NDArray cond = adapter.sampleCondVec(scope, rows);
      NDArray shiftedCond = networks.learnsCondition() ? condition(scope, rows, target, false) : cond;
      NDArray shifted = shift(z, target, false);
      int decodeSeed = Seeds.fold(Seeds.derive(seed, 1));
      engine.setRandomSeed(decodeSeed);
      Table table = adapter.generate(allocator, shifted, shiftedCond);
      try {
        double[] reached = measure(table, scope);
        double[] unshifted;
        engine.setRandomSeed(decodeSeed);
        try (Table plain = adapter.generate(allocator, z, cond)) {
          unshifted = measure(plain, scope);
        }
        return new ShiftedTable(table, report(target, reached, unshifted, rows));
      } catch (RuntimeException e) {
        table.close();
        throw e;
      }
    }
  }

  private double[] measure(Table table, NDManager scope) {
    if (resolved.needsView()) {
      try (NDManager inner = scope.newSubManager()) {
        TableView view = table.toView(inner, resolved.label());
        return toDoubles(resolved.values(view).toFloatArray());
      }
    }
    try (NDManager inner = scope.newSubManager();
        ContinuousMatrix matrix = table.toMatrix(inner, resolved.columns())) {
      return toDoubles(resolved.values(matrix.values()).toFloatArray());
    }
  }

  static double[] toDoubles(float[] values) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i];
    }
    return result;
  }

  /** Frees the networks (not the adapter, which belongs to the caller). */
  @Override
  public void close() {
    manager.close();
  }
}
