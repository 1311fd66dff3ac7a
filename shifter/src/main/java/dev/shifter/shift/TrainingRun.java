package dev.shifter.shift;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.shifter.api.EngineScalars;
import dev.shifter.api.MetaLoss;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.ShiftContext;
import dev.shifter.api.TargetValue;
import dev.shifter.commons.Adam;
import dev.shifter.commons.Seeds;
import dev.shifter.shift.internal.Constants;
import dev.shifter.shift.internal.EntryWeights;
import dev.shifter.shift.internal.SeedStreams;
import dev.shifter.shift.internal.ShifterFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One training run: the step loop with evaluations, early stopping, checkpoints and the divergence
 * check. Each step draws fresh noise, conditional vectors and (for a range) a target; the step's arrays
 * live in a sub-manager closed at the end of the step, and one gradient collector is open at a time.
 *
 * <p>The parameters of the best evaluation so far are kept in memory; a run that reaches its step limit
 * without converging ends with them when the last evaluation was worse, so a run that wandered off (a
 * shift that saturated the generator late in training) does not end on its worst weights. Best means,
 * first, the fewest entries moved away (outside their tolerance and further from their target than the
 * unshifted model), then the smallest worst error-to-tolerance ratio. The untrained Shifter (the
 * identity, which moves nothing away) is the first candidate of a run that starts at step 0, so no entry
 * ends further from its target than the unshifted model: when every evaluation moved one away, the run
 * keeps the identity and says so ({@link TrainingSummary#keptUnshifted()}). A resumed run starts its
 * bookkeeping from the checkpoint's weights, without that candidate. An evaluation that breaks a realism
 * limit ({@link ShifterConfig#maxShareShift()}, {@link ShifterConfig#maxBoundExcess()}: a collapsed
 * category, a spike at a bound) is never a candidate and never counts towards the early stop, so the
 * run keeps the best evaluation that stayed realistic, the identity when none did. Checkpoints written
 * during the run hold the weights of their step, so an interrupted run resumes exactly where it was.
 */
final class TrainingRun {
  private static final long TARGET_DRAWS = 1L << 41;
  private static final long FINAL_EVALUATION = 1L << 42;

  private final ShifterState state;
  private final MetaLoss metaLoss;
  private final List<WeightedRegularizer> regularizers;
  private final TrainingListener listener;
  private final @Nullable Path output;
  private final Adam adam;
  private final int firstStep;
  private final BooleanSupplier stopRequested;
  private final float[] scales;
  private final LossRecorder losses;
  private int lastCheckpoint;
  private int passedInARow;
  private String worstEntry = "";
  private double worstRelativeError = Double.NaN;
  private double worstRatio = Double.NaN;
  private int movedAway;
  private @Nullable String violation;
  private @Nullable String lastRejection;
  private int rejections;
  private double bestRatio = Double.POSITIVE_INFINITY;
  private int bestMovedAway = Integer.MAX_VALUE;
  private int bestStep;
  private final EntryWeights entryWeights;
  private byte @Nullable [] bestEncoder;
  private byte @Nullable [] bestDelta;

  TrainingRun(ShifterState state, MetaLoss metaLoss, List<WeightedRegularizer> regularizers,
      TrainingListener listener, @Nullable Path output, Adam adam, int firstStep, List<StepLoss> earlierLosses,
      @Nullable List<Double> savedEntryWeights, BooleanSupplier stopRequested) {
    this.state = state;
    this.metaLoss = metaLoss;
    this.regularizers = regularizers.stream().filter(r -> r.weight() > 0).toList();
    this.listener = listener;
    this.output = output;
    this.adam = adam;
    this.firstStep = firstStep;
    this.stopRequested = stopRequested;
    this.scales = state.calibration.scales();
    this.losses = new LossRecorder(earlierLosses, state.config.steps());
    if (!earlierLosses.isEmpty()) {
      this.worstRelativeError = earlierLosses.get(earlierLosses.size() - 1).worstRelativeError();
    }
    this.lastCheckpoint = firstStep > 0 && output != null ? firstStep : 0;
    this.entryWeights = new EntryWeights(scales.length, state.config.entryWeights().equals(ShifterConfig.BALANCED));
    entryWeights.restore(savedEntryWeights);
    if (firstStep == 0) {
      bestMovedAway = 0;
      bestStep = 0;
      bestEncoder = state.networks.saveEncoder();
      bestDelta = state.networks.saveDelta();
    }
  }

  /** Runs the loop; returns the summary after the final evaluation. */
  TrainingSummary run(long startNanos) {
    ShifterConfig config = state.config;
    Engine engine = Engine.getInstance();
    int step = firstStep;
    StopReason reason = StopReason.MAX_STEPS;
    while (step < config.steps()) {
      if (stopRequested.getAsBoolean()) {
        reason = StopReason.STOPPED;
        break;
      }
      step++;
      engine.setRandomSeed(Seeds.fold(Seeds.derive(config.seed(), step)));
      Map<String, Double> terms = new LinkedHashMap<>();
      double loss = step(step, terms);
      boolean evaluated = step % config.evalEvery() == 0 || step == config.steps();
      if (evaluated) {
        passedInARow = evaluate(step) ? passedInARow + 1 : 0;
        rememberIfBest(step);
      }
      boolean converged = evaluated && passedInARow >= config.stopPatience();
      losses.add(step, loss, terms, worstRelativeError);
      if (output != null && (step % config.checkpointEvery() == 0) && !converged && step < config.steps()) {
        checkpoint(step);
      }
      listener.onStep(new StepReport(step, config.steps(), loss, terms, worstEntry, worstRelativeError, evaluated,
          (System.nanoTime() - startNanos) / 1e9));
      if (converged) {
        reason = StopReason.CONVERGED;
        break;
      }
    }
    losses.flush(worstRelativeError);
    int keptStep = reason == StopReason.MAX_STEPS ? restoreBestIfBetter(step) : step;
    double[] target = state.midpoints();
    int rows = config.evalSamples();
    double[] reached = state.reached(target, rows, Seeds.fold(Seeds.derive(config.seed(), FINAL_EVALUATION)));
    double[] unshifted = state.calibration.unshifted().stream().mapToDouble(Double::doubleValue).toArray();
    List<TargetReport> report = state.report(target, reached, unshifted, rows);
    List<BoundPile> piles = state.boundPiles(target, rows, Seeds.fold(Seeds.derive(config.seed(), FINAL_EVALUATION)));
    return new TrainingSummary(step, reason, (System.nanoTime() - startNanos) / 1e9, step - firstStep, report,
        keptStep, piles, keptStep == 0 && step > 0, rejections, lastRejection);
  }

  /**
   * Whether the last evaluation beats the best so far: it kept within the realism limits, and moved
   * fewer entries away, or as many with a smaller worst ratio.
   */
  private boolean lastBeatsBest() {
    return violation == null
        && (movedAway < bestMovedAway || (movedAway == bestMovedAway && worstRatio < bestRatio));
  }

  private void rememberIfBest(int step) {
    if (lastBeatsBest()) {
      bestMovedAway = movedAway;
      bestRatio = worstRatio;
      bestStep = step;
      bestEncoder = state.networks.saveEncoder();
      bestDelta = state.networks.saveDelta();
    }
  }

  /** Puts back the best evaluation's parameters when they beat the last step's; returns the step kept. */
  private int restoreBestIfBetter(int lastStep) {
    byte[] encoder = bestEncoder;
    byte[] delta = bestDelta;
    if (encoder == null || delta == null || bestStep == lastStep || (violation == null && (lastBeatsBest()
        || (movedAway == bestMovedAway && !(bestRatio < worstRatio))))) {
      return lastStep;
    }
    state.networks.load(state.manager, encoder, delta, bestStep == 0 ? "the untrained encoder" : "the encoder of step "
        + bestStep, bestStep == 0 ? "the untrained Delta" : "Delta of step " + bestStep);
    return bestStep;
  }

  private double step(int step, Map<String, Double> terms) {
    ShifterConfig config = state.config;
    int rows = config.trainSamples();
    double[] target = drawTarget(step);
    try (NDManager scope = state.manager.newSubManager()) {
      NDArray z = scope.randomNormal(new Shape(rows, state.adapter.latentDim()));
      NDArray cond = state.networks.learnsCondition() ? null : state.adapter.sampleCondVec(scope, rows).stopGradient();
      NDArray targetArray = Constants.of(scope, toFloats(target), new Shape(target.length));
      NDArray scaleArray = Constants.of(scope, entryWeights.weightedScales(scales), new Shape(scales.length));
      double total;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray shifted = state.shift(z, target, true);
        if (cond == null) {
          cond = state.condition(scope, rows, target, true);
        }
        ShifterState.Measured measured = state.measured(shifted, cond);
        NDArray generated = measured.generated();
        NDArray predicted = measured.values();
        NDArray loss = metaLoss.loss(predicted, targetArray, scaleArray);
        loss = requireFinite(loss, metaLoss.name(), "the meta loss", step, terms);
        if (!regularizers.isEmpty()) {
          ShiftContext context = new ShiftContext(step, scope, state.adapter, z, shifted, cond, generated,
              state.resolved.targetedColumns(), stepTargets(target));
          for (WeightedRegularizer weighted : regularizers) {
            NDArray value = weighted.regularizer().compute(context);
            value = requireFinite(value, weighted.name(), "the regularizer '" + weighted.name() + "'", step, terms);
            loss = loss.add(value.mul(EngineScalars.of(value, (float) weighted.weight())));
          }
        }
        total = scalar(loss);
        if (!Double.isFinite(total)) {
          throw diverged(step, "loss", "the total loss", total, terms);
        }
        collector.backward(loss);
      }
      adam.step();
      return total;
    }
  }

  /** Returns the loss curve: the earlier runs' points, then this run's, complete once {@link #run} returned. */
  List<StepLoss> lossHistory() {
    return losses.points();
  }

  private NDArray requireFinite(NDArray value, String name, String description, int step, Map<String, Double> terms) {
    NDArray scalar = value.getShape().dimension() == 0 ? value : value.reshape(new Shape());
    double number = scalar(scalar);
    if (!Double.isFinite(number)) {
      throw diverged(step, name, description, number, terms);
    }
    String key = name;
    for (int i = 2; terms.containsKey(key); i++) {
      key = name + "#" + i;
    }
    terms.put(key, number);
    return scalar;
  }

  private TrainingDivergedException diverged(int step, String term, String description, double value,
      Map<String, Double> terms) {
    StringBuilder message = new StringBuilder("Training stopped at step " + step + ": " + description + " is "
        + value);
    if (!terms.isEmpty()) {
      List<String> shown = new ArrayList<>();
      terms.forEach((k, v) -> shown.add(k + " " + (float) v.doubleValue()));
      message.append(" (the other terms: ").append(String.join(", ", shown)).append(")");
    }
    message.append(". ");
    if (lastCheckpoint > 0) {
      message.append("The last good checkpoint (step ").append(lastCheckpoint).append(") is kept in ").append(output)
          .append("; resume from it (ShifterTrainer.Builder.optResume) after ");
    } else {
      message.append("No checkpoint was written before it (one is written every ").append(state.config
          .checkpointEvery()).append(" steps into the output directory). Train again after ");
    }
    message.append(term.equals("loss") || term.equals(metaLoss.name())
        ? "lowering the learning rate, or choosing targets closer to the data's own values."
        : "lowering the learning rate or the weight of '" + term + "'.");
    return new TrainingDivergedException(message.toString(), step, term, lastCheckpoint,
        lastCheckpoint > 0 ? new Remedy[] {Remedy.set(Setting.RESUME)} : new Remedy[0]);
  }

  private double[] drawTarget(int step) {
    double[] low = state.lows();
    double[] high = state.highs();
    if (!state.targets.isRange()) {
      return low;
    }
    Random random = new Random(Seeds.derive(state.config.seed(), TARGET_DRAWS + step));
    double[] target = new double[low.length];
    for (int i = 0; i < target.length; i++) {
      target[i] = low[i] + (high[i] - low[i]) * random.nextDouble();
    }
    return target;
  }

  /** Evaluates at the target (or a range's low end, middle and high end); true when every entry is close. */
  private boolean evaluate(int step) {
    ShifterConfig config = state.config;
    List<double[]> points = state.targets.isRange()
        ? List.of(state.lows(), state.midpoints(), state.highs()) : List.of(state.lows());
    boolean converged = true;
    worstRatio = -1;
    int rows = config.evalSamples();
    List<Double> unshifted = state.calibration.unshifted();
    double[] entryRatios = new double[state.targets.entries().size()];
    boolean[] away = new boolean[entryRatios.length];
    for (int p = 0; p < points.size(); p++) {
      double[] target = points.get(p);
      double[] reached = state.reached(target, rows, Seeds.fold(Seeds.derive(config.seed(),
          SeedStreams.EVALUATION + 3L * step + p)));
      for (int i = 0; i < target.length; i++) {
        double tolerance = state.calibration.tolerance(i, target[i], rows, config.tolerance(),
            config.absoluteTolerance());
        double error = Math.abs(reached[i] - target[i]);
        double ratio = Double.isFinite(error) ? error / tolerance : Double.POSITIVE_INFINITY;
        if (!(ratio <= config.stopWithin())) {
          converged = false;
        }
        entryRatios[i] = Math.max(entryRatios[i], ratio);
        if (!(ratio <= 1) && !(error <= Math.abs(unshifted.get(i) - target[i]))) {
          away[i] = true;
        }
        if (ratio > worstRatio) {
          worstRatio = ratio;
          worstEntry = state.targets.entries().get(i).label();
          worstRelativeError = target[i] == 0 ? error : error / Math.abs(target[i]);
        }
      }
    }
    movedAway = 0;
    for (boolean entryAway : away) {
      movedAway += entryAway ? 1 : 0;
    }
    entryWeights.update(entryRatios, config.stopWithin());
    violation = null;
    for (int p = 0; p < points.size() && violation == null; p++) {
      violation = state.realismViolation(points.get(p), rows, Seeds.fold(Seeds.derive(config.seed(),
          SeedStreams.EVALUATION + 3L * step + p)));
    }
    if (violation != null) {
      rejections++;
      lastRejection = violation;
    }
    return converged && violation == null;
  }

  private void checkpoint(int step) {
    Path dir = output;
    if (dir == null) {
      return;
    }
    losses.flush(worstRelativeError);
    ShifterFiles.write(dir, ManifestMapping.toManifest(state, ShifterFiles.CHECKPOINT, step, null, losses.points(),
        entryWeights.values(), ManifestMapping.regularizers(regularizers)),
        state.networks.saveEncoder(), state.networks.saveDelta(), adam.save());
    lastCheckpoint = step;
  }

  private static double scalar(NDArray value) {
    if (value.getDataType() == DataType.FLOAT32) {
      return value.toFloatArray()[0];
    }
    try (NDArray converted = value.toType(DataType.FLOAT64, true)) {
      return converted.toDoubleArray()[0];
    }
  }

  /**
   * The step's target values for the regularizers: none for a range, whose per-step draws would give
   * the marginal term a reference that moves from step to step (it cost the range tests their spread:
   * 2.5 instead of more than 3 between the low and high ends), so a range's marginal term keeps the
   * unshifted rows as its reference.
   */
  private List<TargetValue> stepTargets(double[] target) {
    return state.targets.isRange() ? List.of() : state.targetValues(target);
  }

  private static float[] toFloats(double[] values) {
    float[] result = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (float) values[i];
    }
    return result;
  }
}
