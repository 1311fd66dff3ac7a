package dev.shifter.api;

import java.io.Serializable;
import java.util.Objects;

/**
 * One way to fix what a {@link ShifterException} or a {@link ShifterWarning} reports, named by the setting it
 * changes rather than by how a front end spells it. The library's message says the fix in words ("read the
 * column as categorical"); the command line turns each remedy into its flag ({@code --discrete age}), a library
 * user into the builder method the setting's Javadoc names.
 *
 * @param setting the setting to change
 * @param action whether to give the setting or to leave it out
 * @param value the value to give it ("" when the caller chooses it, such as a file to name)
 */
public record Remedy(Setting setting, Action action, String value) implements Serializable {

  /** Checks the components. */
  public Remedy {
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(value, "value");
  }

  /**
   * A remedy that gives a setting a value.
   *
   * @param setting the setting
   * @param value the value, such as a column name
   * @return the remedy
   */
  public static Remedy set(Setting setting, String value) {
    return new Remedy(setting, Action.SET, value);
  }

  /**
   * A remedy that gives a setting a value of the caller's choice (a file, a folder, a number).
   *
   * @param setting the setting
   * @return the remedy
   */
  public static Remedy set(Setting setting) {
    return new Remedy(setting, Action.SET, "");
  }

  /**
   * A remedy that leaves a setting out.
   *
   * @param setting the setting
   * @return the remedy
   */
  public static Remedy leaveOut(Setting setting) {
    return new Remedy(setting, Action.LEAVE_OUT, "");
  }

  /**
   * A remedy that leaves one value of a setting out, such as one column of those declared continuous.
   *
   * @param setting the setting
   * @param value the value to leave out
   * @return the remedy
   */
  public static Remedy leaveOut(Setting setting, String value) {
    return new Remedy(setting, Action.LEAVE_OUT, value);
  }

  /** Whether a remedy gives a setting or leaves it out. */
  public enum Action {
    /** Give the setting (with {@link Remedy#value()} when it is not empty). */
    SET,
    /** Leave the setting out. */
    LEAVE_OUT
  }

  /** The settings a remedy may name, each with the library call that changes it. */
  public enum Setting {
    /** Read a column as categorical: {@code ReadOptions.Builder.optDiscrete}. */
    DISCRETE_COLUMN,
    /** Read a column as continuous: {@code ReadOptions.Builder.optContinuous}. */
    CONTINUOUS_COLUMN,
    /** Read a text as a missing value: {@code ReadOptions.Builder.optMissing}. */
    MISSING_TEXT,
    /** Evaluate on a separate real test table: {@code QualityEvaluator.Builder.optRealTest}. */
    REAL_TEST_TABLE,
    /** The label column of the machine-learning efficacy: {@code QualityEvaluator.Builder.optLabel}. */
    LABEL_COLUMN,
    /** Fixed targets: {@code Targets.of} or {@code Targets.read}. */
    TARGETS,
    /** A range of targets: {@code Targets.range} or {@code Targets.readRange}. */
    TARGET_RANGE,
    /** Continue a training run from its checkpoint: {@code ShifterTrainer.Builder.optResume}. */
    RESUME,
    /** Folders of plug-in jars: {@code MetaFeatureRegistry.load(ClassLoader)} with their class loader. */
    PLUGIN_FOLDER,
    /** The number of rows to generate. */
    ROWS,
    /** The tilt's candidate pool, as a multiple of the rows: {@code TiltGenerator.Builder.optPoolFactor}. */
    POOL_FACTOR,
    /** A plug-in regularizer and its weight ({@code name=weight}): {@code ShifterModule.Builder.addRegularizer}. */
    REGULARIZER,
    /** The weight of the critic regularizer: the {@code lambda_critic} setting. */
    CRITIC_WEIGHT,
    /** The folder of a fitted model: fit one first. */
    MODEL_FOLDER
  }
}
