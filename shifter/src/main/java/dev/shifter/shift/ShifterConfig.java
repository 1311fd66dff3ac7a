package dev.shifter.shift;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shifter.api.InvalidInputException;
import dev.shifter.shift.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a Shifter's training: network sizes, loss weights, schedule and tolerances. In a
 * JSON config file the keys are the component names in snake_case ({@code "lambda_z": 0.05}); keys
 * left out keep their {@link #defaults() default}.
 *
 * @param steps the most training steps (each one a fresh batch)
 * @param trainSamples the rows generated per step
 * @param evalSamples the rows of an evaluation batch (early stopping, final report)
 * @param evalEvery evaluate every this many steps
 * @param checkpointEvery write a checkpoint every this many steps (when a checkpoint directory is set)
 * @param calibrationBatches the unshifted batches drawn before training to estimate each entry's
 *     value and its sampling noise
 * @param learningRate Adam's learning rate (default 0.0003: on the Adult benchmark, 0.001 let two of 22
 *     target sets collapse early in training, e.g. nearly every row turned into one education category)
 * @param deltaScale the factor of the residual: {@code z' = z + deltaScale * Delta([z, c, mean(z)])}
 * @param shifterHidden the hidden layer widths of Delta
 * @param encoderHidden the hidden layer widths of the MetaEncoder
 * @param encodingDim the width of the MetaEncoder's output {@code c}
 * @param lambdaZ the weight of the latent regularizer
 * @param lambdaX the weight of the feature-space regularizer
 * @param lambdaCritic the weight of the critic regularizer, the realism term from the generator's frozen
 *     critic (0, the default, leaves it out; see {@link Regularizers#critic()}). A value above 0 needs a
 *     generator that has a critic ({@link dev.shifter.api.RealismCritic}, as CTGAN models do). Settings
 *     saved before this weight existed have no such key and read as 0
 * @param lambdaMarginal the weight of the marginal regularizer: how far the marginal distributions of
 *     the columns no target names (continuous columns by a 1-D Wasserstein distance, categorical ones by
 *     total variation) move from the unshifted generator's (see {@link Regularizers#marginals()}); default
 *     1.0, chosen on the suite benchmark's five data sets (without it a plausible skewness target on Adult
 *     dropped the detection score from 0.66 to 0.10 by turning categories over). Settings saved before
 *     this weight existed read as 0
 * @param lambdaTilt the weight of the tilt regularizer: how far the shifted rows are from the unshifted
 *     rows reweighted to the targets by entropy balancing, the table closest to the generator's own that
 *     has them (see {@link Regularizers#tilt()}); settings saved before this weight existed read as 0
 * @param metaLoss the meta loss: {@code mse}, {@code huber}, {@code relative} (see {@link MetaLosses}) or the name
 *     of a plug-in's loss ({@link dev.shifter.api.MetaLossProvider}), resolved when the trainer is built
 * @param latentReg the latent regularizer: {@code mean_square}, {@code moments} or {@code mmd} (see
 *     {@link Regularizers})
 * @param entryWeights how the meta loss weighs the target entries: {@code balanced} (the default) lets an
 *     entry that stays outside its tolerance weigh more, up to 16 times, so that no entry is drowned by
 *     the others; {@code fixed} weighs them all alike (as before this setting existed: settings saved
 *     without it read as {@code fixed})
 * @param maxShareShift a realism limit: an evaluation whose shifted rows move the category shares of a
 *     categorical column that no target names by more than this total variation (0.1: a tenth of the
 *     rows changed category) does not count as reached, and the run never keeps its weights; in [0, 1],
 *     1 turns the limit off (as do settings saved before it existed)
 * @param maxBoundExcess a realism limit: an evaluation whose shifted rows put more than this share of
 *     rows at a continuous column's smallest or largest value beyond the unshifted rows' share (a spike at
 *     the bound) does not count as reached, and the run never keeps its weights (0.05: 5 % of the rows;
 *     training warns of piles above 1 %, see {@link BoundPile}; at 1 %, measured then against the plain
 *     rows, the quick demo's small CTGAN reached none of its targets. Both limits were set on the demo
 *     alone, not swept across the suite's data sets). A column whose data has a spike at a bound (capital-gain's zeros) may
 *     need more to move its mean; in [0, 1], 1 turns the limit off (as do settings saved before it existed)
 * @param tolerance the relative tolerance of a target entry: reached when
 *     {@code |value - target| <= max(tolerance * |target|, its sampling noise, absoluteTolerance)}
 * @param absoluteTolerance the smallest tolerance of an entry, in its own units
 * @param stopWithin training stops early once every entry is within this fraction of its tolerance
 * @param stopPatience the early stop needs that at this many evaluations in a row (one lucky batch
 *     does not stop training)
 * @param seed the seed of the noise, the target draws and the initial weights
 * @param label the categorical column that class-aware meta-features (class_ent, mut_inf, f1, ...) take as the
 *     class, or {@code null} for none (as in settings saved before it existed)
 * @param condition how the conditional vector (the category CTGAN is asked for in each row) is drawn:
 *     {@code data} from the training data's frequencies, as the plain generator does; {@code learnt} from a
 *     distribution the Shifter learns with its networks (a relaxed categorical over every column's
 *     categories, starting at the data's, trained through the frozen generator's input); {@code auto}, the
 *     default, learns it when a target entry is a meta-feature of the categorical columns or the label, and
 *     draws from the data otherwise. Settings saved before it existed read as {@code data}
 */
public record ShifterConfig(
    int steps,
    int trainSamples,
    int evalSamples,
    int evalEvery,
    int checkpointEvery,
    int calibrationBatches,
    double learningRate,
    double deltaScale,
    List<Integer> shifterHidden,
    List<Integer> encoderHidden,
    int encodingDim,
    double lambdaZ,
    double lambdaX,
    @JsonSetter(nulls = Nulls.AS_EMPTY) double lambdaCritic,
    @JsonSetter(nulls = Nulls.AS_EMPTY) double lambdaMarginal,
    @JsonSetter(nulls = Nulls.AS_EMPTY) double lambdaTilt,
    String metaLoss,
    String latentReg,
    String entryWeights,
    double maxShareShift,
    double maxBoundExcess,
    double tolerance,
    double absoluteTolerance,
    double stopWithin,
    int stopPatience,
    long seed,
    @Nullable String label,
    String condition) {

  /** The {@link #entryWeights} setting that lets entries outside their tolerance weigh more. */
  public static final String BALANCED = "balanced";

  /** The {@link #entryWeights} setting that weighs every entry alike. */
  public static final String FIXED = "fixed";

  /** The {@link #condition} setting that draws conditional vectors from the data's frequencies. */
  public static final String CONDITION_DATA = "data";

  /** The {@link #condition} setting that learns the conditional vectors' distribution. */
  public static final String CONDITION_LEARNT = "learnt";

  /** The {@link #condition} setting that learns it for targets of the categorical columns or the label only. */
  public static final String CONDITION_AUTO = "auto";

  private static final ShifterConfig DEFAULTS = new ShifterConfig(2000, 1000, 4000, 50, 200, 8, 3e-4, 1.0,
      List.of(128, 128), List.of(64), 16, 0.01, 1.0, 0.0, 1.0, 0.0, MetaLosses.MSE, Regularizers.MEAN_SQUARE,
      BALANCED, 0.1, 0.05, 0.05, 1e-6, 0.5, 2, 0L, null, CONDITION_AUTO);

  /**
   * Checks every setting.
   *
   * @throws InvalidInputException if a setting is out of range; the message names it
   */
  public ShifterConfig {
    shifterHidden = List.copyOf(shifterHidden);
    encoderHidden = List.copyOf(encoderHidden);
    positive("steps", steps);
    if (trainSamples < 2) {
      throw invalid("train_samples", trainSamples, "at least 2 (meta-features need two rows)");
    }
    if (evalSamples < 2) {
      throw invalid("eval_samples", evalSamples, "at least 2");
    }
    positive("eval_every", evalEvery);
    positive("checkpoint_every", checkpointEvery);
    if (calibrationBatches < 2) {
      throw invalid("calibration_batches", calibrationBatches, "at least 2 (the sampling noise needs two batches)");
    }
    positive("learning_rate", learningRate);
    positive("delta_scale", deltaScale);
    for (int width : shifterHidden) {
      positive("shifter_hidden", width);
    }
    for (int width : encoderHidden) {
      positive("encoder_hidden", width);
    }
    positive("encoding_dim", encodingDim);
    nonNegative("lambda_z", lambdaZ);
    nonNegative("lambda_x", lambdaX);
    nonNegative("lambda_critic", lambdaCritic);
    nonNegative("lambda_marginal", lambdaMarginal);
    nonNegative("lambda_tilt", lambdaTilt);
    if (metaLoss == null || metaLoss.isBlank()) {
      throw new InvalidInputException("Setting meta_loss must name a loss: " + String.join(", ",
          MetaLosses.builtInNames()) + " or a plug-in's. Fix it in the config file or on the command line.");
    }
    Regularizers.latent(latentReg);
    entryWeights = Objects.requireNonNullElse(entryWeights, FIXED);
    if (!entryWeights.equals(BALANCED) && !entryWeights.equals(FIXED)) {
      throw new InvalidInputException("Setting entry_weights must be balanced or fixed, got '" + entryWeights
          + "'. Fix it in the config file or on the command line.");
    }
    fraction("max_share_shift", maxShareShift);
    fraction("max_bound_excess", maxBoundExcess);
    positive("tolerance", tolerance);
    nonNegative("absolute_tolerance", absoluteTolerance);
    if (!(stopWithin > 0 && stopWithin <= 1)) {
      throw invalid("stop_within", stopWithin, "in (0, 1]");
    }
    positive("stop_patience", stopPatience);
    condition = Objects.requireNonNullElse(condition, CONDITION_DATA);
    if (!List.of(CONDITION_DATA, CONDITION_LEARNT, CONDITION_AUTO).contains(condition)) {
      throw new InvalidInputException("Setting condition must be data, learnt or auto, got '" + condition
          + "'. Fix it in the config file or on the command line.");
    }
    if (label != null && label.isBlank()) {
      throw new InvalidInputException("Setting label must name a categorical column of the model, or be left out. "
          + "Fix it in the config file or on the command line.");
    }
  }

  /**
   * Returns the default settings.
   *
   * @return the defaults
   */
  public static ShifterConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder(DEFAULTS);
  }

  /**
   * Starts a builder from these settings.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Reads a JSON config file; keys left out keep the defaults.
   *
   * @param file the file
   * @return the settings
   * @throws InvalidInputException if the file is missing, not JSON, has an unknown key or a bad value
   */
  public static ShifterConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("Config file " + file + " does not exist. Check the path.", e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read the config file " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses JSON settings over the defaults.
   *
   * @param json a JSON object such as {@code {"steps": 500, "lambda_z": 0.1}}
   * @return the settings
   * @throws InvalidInputException if the text is not such an object, has an unknown key or a bad value
   */
  public static ShifterConfig fromJson(String json) {
    return parse(json, "The config");
  }

  /**
   * Applies JSON settings over these ones.
   *
   * @param json a JSON object of settings to change
   * @return the new settings
   * @throws InvalidInputException if the text is not such an object, has an unknown key or a bad value
   */
  public ShifterConfig withJson(String json) {
    return merge(this, json, "The config");
  }

  private static ShifterConfig parse(String json, String source) {
    return merge(DEFAULTS, json, source);
  }

  private static ShifterConfig merge(ShifterConfig base, String json, String source) {
    JsonNode given;
    try {
      given = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(source + " is not valid JSON: " + Json.describe(e) + ".", e);
    }
    if (given == null || !given.isObject()) {
      throw new InvalidInputException(source + " must be a JSON object such as {\"steps\": 500, \"lambda_z\": 0.1}.");
    }
    ObjectNode merged = Json.mapper().valueToTree(base);
    List<String> known = new ArrayList<>();
    merged.fieldNames().forEachRemaining(known::add);
    for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!merged.has(field.getKey())) {
        throw new InvalidInputException(source + " has an unknown setting '" + field.getKey() + "'. Known settings: "
            + String.join(", ", known) + ".");
      }
      merged.set(field.getKey(), field.getValue());
    }
    try {
      return Json.mapper().treeToValue(merged, ShifterConfig.class);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvalidInputException invalid) {
        throw new InvalidInputException(source + ": " + invalid.getMessage(), invalid);
      }
      throw new InvalidInputException(source + " has a value of the wrong type: " + Json.describe(e)
          + ". Numbers must be numbers, sizes lists of numbers such as [128, 128].", e);
    }
  }

  /**
   * Returns the settings as a JSON object with snake_case keys.
   *
   * @return the JSON text
   */
  public String toJson() {
    try {
      return Json.mapper().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A config always converts to JSON", e);
    }
  }

  private static void positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw invalid(name, value, "positive");
    }
  }

  private static void nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw invalid(name, value, "zero or positive");
    }
  }

  private static void fraction(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw invalid(name, value, "in [0, 1] (1 turns the limit off)");
    }
  }

  private static InvalidInputException invalid(String name, double value, String expected) {
    String shown = value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
        : String.valueOf(value);
    return new InvalidInputException("Setting " + name + " must be " + expected + ", got " + shown
        + ". Fix it in the config file or on the command line.");
  }

  /** Builds a {@link ShifterConfig}; every setting is optional and starts from a base. */
  public static final class Builder {
    private int steps;
    private int trainSamples;
    private int evalSamples;
    private int evalEvery;
    private int checkpointEvery;
    private int calibrationBatches;
    private double learningRate;
    private double deltaScale;
    private List<Integer> shifterHidden;
    private List<Integer> encoderHidden;
    private int encodingDim;
    private double lambdaZ;
    private double lambdaX;
    private double lambdaCritic;
    private double lambdaMarginal;
    private double lambdaTilt;
    private String metaLoss;
    private String latentReg;
    private String entryWeights;
    private double maxShareShift;
    private double maxBoundExcess;
    private double tolerance;
    private double absoluteTolerance;
    private double stopWithin;
    private int stopPatience;
    private long seed;
    private @Nullable String label;
    private String condition;

    private Builder(ShifterConfig base) {
      steps = base.steps;
      trainSamples = base.trainSamples;
      evalSamples = base.evalSamples;
      evalEvery = base.evalEvery;
      checkpointEvery = base.checkpointEvery;
      calibrationBatches = base.calibrationBatches;
      learningRate = base.learningRate;
      deltaScale = base.deltaScale;
      shifterHidden = base.shifterHidden;
      encoderHidden = base.encoderHidden;
      encodingDim = base.encodingDim;
      lambdaZ = base.lambdaZ;
      lambdaX = base.lambdaX;
      lambdaCritic = base.lambdaCritic;
      lambdaMarginal = base.lambdaMarginal;
      lambdaTilt = base.lambdaTilt;
      metaLoss = base.metaLoss;
      latentReg = base.latentReg;
      entryWeights = base.entryWeights;
      maxShareShift = base.maxShareShift;
      maxBoundExcess = base.maxBoundExcess;
      tolerance = base.tolerance;
      absoluteTolerance = base.absoluteTolerance;
      stopWithin = base.stopWithin;
      stopPatience = base.stopPatience;
      seed = base.seed;
      label = base.label;
      condition = base.condition;
    }

    /**
     * Sets the most training steps.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder optSteps(int value) {
      steps = value;
      return this;
    }

    /**
     * Sets the rows generated per step.
     *
     * @param value at least 2
     * @return this builder
     */
    public Builder optTrainSamples(int value) {
      trainSamples = value;
      return this;
    }

    /**
     * Sets the rows of an evaluation batch.
     *
     * @param value at least 2
     * @return this builder
     */
    public Builder optEvalSamples(int value) {
      evalSamples = value;
      return this;
    }

    /**
     * Sets how often to evaluate (and possibly stop early).
     *
     * @param value every this many steps
     * @return this builder
     */
    public Builder optEvalEvery(int value) {
      evalEvery = value;
      return this;
    }

    /**
     * Sets how often to write a checkpoint.
     *
     * @param value every this many steps
     * @return this builder
     */
    public Builder optCheckpointEvery(int value) {
      checkpointEvery = value;
      return this;
    }

    /**
     * Sets the number of unshifted calibration batches.
     *
     * @param value at least 2
     * @return this builder
     */
    public Builder optCalibrationBatches(int value) {
      calibrationBatches = value;
      return this;
    }

    /**
     * Sets Adam's learning rate.
     *
     * @param value positive
     * @return this builder
     */
    public Builder optLearningRate(double value) {
      learningRate = value;
      return this;
    }

    /**
     * Sets the factor of the residual shift.
     *
     * @param value positive
     * @return this builder
     */
    public Builder optDeltaScale(double value) {
      deltaScale = value;
      return this;
    }

    /**
     * Sets the hidden layer widths of Delta.
     *
     * @param value the widths, possibly none
     * @return this builder
     */
    public Builder optShifterHidden(List<Integer> value) {
      shifterHidden = List.copyOf(value);
      return this;
    }

    /**
     * Sets the hidden layer widths of the MetaEncoder.
     *
     * @param value the widths, possibly none
     * @return this builder
     */
    public Builder optEncoderHidden(List<Integer> value) {
      encoderHidden = List.copyOf(value);
      return this;
    }

    /**
     * Sets the width of the MetaEncoder's output.
     *
     * @param value positive
     * @return this builder
     */
    public Builder optEncodingDim(int value) {
      encodingDim = value;
      return this;
    }

    /**
     * Sets the weight of the latent regularizer.
     *
     * @param value zero (off) or positive
     * @return this builder
     */
    public Builder optLambdaZ(double value) {
      lambdaZ = value;
      return this;
    }

    /**
     * Sets the weight of the feature-space regularizer.
     *
     * @param value zero (off) or positive
     * @return this builder
     */
    public Builder optLambdaX(double value) {
      lambdaX = value;
      return this;
    }

    /**
     * Sets the weight of the critic regularizer (the realism term from the generator's frozen critic).
     *
     * @param value zero (off, the default) or positive; above 0 the generator must have a critic
     * @return this builder
     */
    public Builder optLambdaCritic(double value) {
      lambdaCritic = value;
      return this;
    }

    /**
     * Sets the weight of the marginal regularizer (the columns no target names keep their marginals).
     *
     * @param value zero (off) or positive
     * @return this builder
     */
    public Builder optLambdaMarginal(double value) {
      lambdaMarginal = value;
      return this;
    }

    /**
     * Sets the weight of the tilt regularizer (the shifted rows against the unshifted rows reweighted to
     * the targets).
     *
     * @param value zero (off) or positive
     * @return this builder
     */
    public Builder optLambdaTilt(double value) {
      lambdaTilt = value;
      return this;
    }

    /**
     * Sets the meta loss by name.
     *
     * @param value {@code mse}, {@code huber} or {@code relative}
     * @return this builder
     */
    public Builder optMetaLoss(String value) {
      metaLoss = value;
      return this;
    }

    /**
     * Sets the latent regularizer by name.
     *
     * @param value {@code mean_square}, {@code moments} or {@code mmd}
     * @return this builder
     */
    public Builder optLatentReg(String value) {
      latentReg = value;
      return this;
    }

    /**
     * Sets how the meta loss weighs the target entries.
     *
     * @param value {@link #BALANCED} (the default) or {@link #FIXED}
     * @return this builder
     */
    public Builder optEntryWeights(String value) {
      entryWeights = value;
      return this;
    }

    /**
     * Sets the realism limit on the category shares of the categorical columns no target names.
     *
     * @param value the largest total variation in [0, 1]; 1 turns the limit off
     * @return this builder
     */
    public Builder optMaxShareShift(double value) {
      maxShareShift = value;
      return this;
    }

    /**
     * Sets the realism limit on the rows added at a continuous column's bounds.
     *
     * @param value the largest share of rows in [0, 1]; 1 turns the limit off
     * @return this builder
     */
    public Builder optMaxBoundExcess(double value) {
      maxBoundExcess = value;
      return this;
    }

    /**
     * Sets the relative tolerance of a target entry.
     *
     * @param value positive, e.g. 0.05 for 5 %
     * @return this builder
     */
    public Builder optTolerance(double value) {
      tolerance = value;
      return this;
    }

    /**
     * Sets the smallest tolerance of an entry.
     *
     * @param value zero or positive
     * @return this builder
     */
    public Builder optAbsoluteTolerance(double value) {
      absoluteTolerance = value;
      return this;
    }

    /**
     * Sets the fraction of the tolerance within which training stops early.
     *
     * @param value in (0, 1]
     * @return this builder
     */
    public Builder optStopWithin(double value) {
      stopWithin = value;
      return this;
    }

    /**
     * Sets how many evaluations in a row must pass before training stops early.
     *
     * @param value at least 1
     * @return this builder
     */
    public Builder optStopPatience(int value) {
      stopPatience = value;
      return this;
    }

    /**
     * Sets the seed.
     *
     * @param value any number
     * @return this builder
     */
    public Builder optSeed(long value) {
      seed = value;
      return this;
    }

    /**
     * Sets the label column that class-aware meta-features take as the class.
     *
     * @param value a categorical column of the model, or {@code null} for none
     * @return this builder
     */
    public Builder optLabel(@Nullable String value) {
      label = value;
      return this;
    }

    /**
     * Sets how conditional vectors are drawn.
     *
     * @param value {@code data}, {@code learnt} or {@code auto}
     * @return this builder
     */
    public Builder optCondition(String value) {
      condition = value;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws InvalidInputException if a setting is out of range
     */
    public ShifterConfig build() {
      return new ShifterConfig(steps, trainSamples, evalSamples, evalEvery, checkpointEvery, calibrationBatches,
          learningRate, deltaScale, shifterHidden, encoderHidden, encodingDim, lambdaZ, lambdaX, lambdaCritic,
          lambdaMarginal, lambdaTilt, metaLoss, latentReg, entryWeights, maxShareShift, maxBoundExcess, tolerance, absoluteTolerance, stopWithin, stopPatience, seed, label, condition);
    }
  }
}
