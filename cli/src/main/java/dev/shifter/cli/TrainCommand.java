package dev.shifter.cli;

import com.google.inject.Injector;
import dev.shifter.api.InvalidInputException;
import dev.shifter.shift.LoadedGenerator;
import dev.shifter.shift.Regularizers;
import dev.shifter.shift.ShifterConfig;
import dev.shifter.shift.ShifterInjection;
import dev.shifter.shift.ShifterModule;
import dev.shifter.shift.ShifterTrainer;
import dev.shifter.shift.ShifterTrainerFactory;
import dev.shifter.shift.StopReason;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TrainedShifter;
import dev.shifter.shift.TrainingSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shifter train}: trains a Shifter against a fitted model for target meta-features (or a range
 * of them) and writes the Shifter directory, with checkpoints in the same directory; {@code --resume}
 * continues one. Settings come from the defaults, then {@code --config}, then the flags. The targets are
 * checked before anything is trained. Ctrl-C stops after the current step and saves the Shifter.
 */
@Command(name = "train", sortOptions = false, mixinStandardHelpOptions = true,
    description = {"Train a Shifter: a latent shift of a fitted model's noise that gives generated data the "
        + "meta-features asked for.",
        "", "Targets have the shape of 'shifter metafeatures --format json', e.g. {\"skewness\": {\"age\": 1.5}, "
        + "\"cor\": {\"age~hours-per-week\": 0.4}}; a range file has [low, high] entries, and the Shifter then "
        + "generates for any target inside the range. Prints the final evaluation (target, reached, unshifted "
        + "value, within tolerance) on standard output."},
    footer = {"", "Examples:",
        "  echo '{\"mean\": {\"age\": 42}, \"cor\": {\"age~hours-per-week\": 0.2}}' > target.json",
        "  shifter train --model models/adult --target target.json --out shifters/adult --seed 1",
        "  shifter train --model models/adult --target-range range.json --out shifters/adult-range \\",
        "      --steps 4000",
        "  shifter train --model models/adult --target target.json --out shifters/adult --resume --steps 3000",
        "", "Exit codes: 0 done, 1 internal error or training diverged, 2 bad usage, 3 bad input, "
        + "4 plug-in failure."})
final class TrainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The fitted model directory.")
  @Nullable Path model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  TargetFiles targets = new TargetFiles();

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The Shifter directory to write: replaced if it holds a Shifter; never if it holds a model or "
          + "other files, or cannot be written (checked before training).")
  @Nullable Path out;

  @Option(names = "--config", paramLabel = "FILE",
      description = "A JSON file of settings (snake_case keys, e.g. {\"lambda_z\": 0.05, \"shifter_hidden\": [256]}); "
          + "the flags below override it.")
  @Nullable Path config;

  @Option(names = "--steps", paramLabel = "N", description = "The most training steps (default 2000).")
  @Nullable Integer steps;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the noise, targets and weights (default 0).")
  @Nullable Long seed;

  @Option(names = "--batch-size", paramLabel = "N", description = "Rows generated per step (default 1000).")
  @Nullable Integer batchSize;

  @Option(names = "--lambda-z", paramLabel = "X", description = "Weight of the latent regularizer (default 0.01).")
  @Nullable Double lambdaZ;

  @Option(names = "--lambda-x", paramLabel = "X",
      description = "Weight of the feature-space regularizer (default 1.0).")
  @Nullable Double lambdaX;

  @Option(names = "--lambda-critic", paramLabel = "X",
      description = "Weight of the critic regularizer, a realism term from the model's frozen CTGAN critic: how far "
          + "the shifted rows' critic score falls below the unshifted rows', in standard deviations (default 0, off).")
  @Nullable Double lambdaCritic;

  @Option(names = "--lambda-marginal", paramLabel = "X",
      description = "Weight of the marginal regularizer: the columns no target names keep their distributions "
          + "(Wasserstein distance for numbers, total variation for categories; default 1.0; 0 turns it off).")
  @Nullable Double lambdaMarginal;

  @Option(names = "--lambda-tilt", paramLabel = "X",
      description = "Weight of the tilt regularizer: the shifted rows against the unshifted rows reweighted to the "
          + "targets (the table closest to the model's own that has them; default 0).")
  @Nullable Double lambdaTilt;

  @Option(names = "--delta-scale", paramLabel = "X", description = "Factor of the latent residual (default 1).")
  @Nullable Double deltaScale;

  @Option(names = "--learning-rate", paramLabel = "X", description = "Adam's learning rate (default 0.0003).")
  @Nullable Double learningRate;

  @Option(names = "--tolerance", paramLabel = "X",
      description = "Relative tolerance of a target entry (default 0.05); training stops early when every entry "
          + "is well within it.")
  @Nullable Double tolerance;

  @Option(names = "--meta-loss", paramLabel = "NAME",
      description = "The meta loss: mse (the default), huber, relative, or a plug-in's (see 'shifter plugins').")
  @Nullable String metaLoss;

  @Option(names = "--regularizer", paramLabel = "NAME=WEIGHT", mapFallbackValue = Option.NULL_VALUE,
      description = "Add a plug-in regularizer to the loss with this weight, e.g. --regularizer smooth_tails=0.5 "
          + "(see 'shifter plugins'), or weigh a built-in one (latent_reg, feature_space_reg, marginal_reg, "
          + "tilt_reg, critic_reg: the same as its --lambda-* flag). Repeatable.")
  Map<String, Double> regularizers = new LinkedHashMap<>();

  @Option(names = "--latent-reg", paramLabel = "mean_square|moments|mmd",
      description = "The latent regularizer (default mean_square; mmd: the shifted noise's distribution against "
          + "N(0, I)).")
  @Nullable String latentReg;

  @Option(names = "--entry-weights", paramLabel = "balanced|fixed",
      description = "How the meta loss weighs the target entries (default balanced: an entry that stays outside its "
          + "tolerance weighs more, up to 16 times; fixed: all alike).")
  @Nullable String entryWeights;

  @Option(names = "--label", paramLabel = "COLUMN",
      description = "The categorical column that class-aware meta-features (class_ent, mut_inf, f1, gravity, ...) "
          + "take as the class; stored with the Shifter.")
  @Nullable String label;

  @Option(names = "--condition", paramLabel = "auto|learnt|data",
      description = "How the conditional vector (the category asked of the model in each row) is drawn: learnt "
          + "with the Shifter, or from the data's frequencies (default auto: learnt when a target is a "
          + "meta-feature of the categorical columns or the label).")
  @Nullable String condition;

  @Option(names = "--max-share-shift", paramLabel = "X",
      description = "A realism limit: the Shifter never keeps weights whose rows move the category shares of a "
          + "categorical column that no target names by more than this total variation (default 0.1; 1 turns "
          + "it off).")
  @Nullable Double maxShareShift;

  @Option(names = "--max-bound-excess", paramLabel = "X",
      description = "A realism limit: the Shifter never keeps weights whose rows pile more than this share of "
          + "rows at a column's smallest or largest value beyond the unshifted model's (default 0.05; 1 turns "
          + "it off).")
  @Nullable Double maxBoundExcess;

  @Option(names = "--checkpoint-every", paramLabel = "N",
      description = "Write a checkpoint to --out every N steps (default 200).")
  @Nullable Integer checkpointEvery;

  @Option(names = "--resume", description = "Continue the checkpoint in --out (same targets and settings; only "
      + "--steps and --checkpoint-every may change).")
  boolean resume;

  @Mixin
  ProgressOptions progress;

  @Mixin
  PluginOptions plugins;

  @Mixin
  CommonOptions common;

  /** Exactly one of the two target options. */
  static final class TargetFiles {
    @Option(names = "--target", required = true, paramLabel = "FILE",
        description = "Fixed targets: {\"feature\": {\"column\": value}}.")
    @Nullable Path fixed;

    @Option(names = "--target-range", required = true, paramLabel = "FILE",
        description = "A range of targets: {\"feature\": {\"column\": [low, high]}}.")
    @Nullable Path range;
  }

  @Override
  public Integer call() {
    Diagnostics diagnostics = Diagnostics.of(spec);
    Path modelDir = Objects.requireNonNull(model);
    Path outDir = Objects.requireNonNull(out);
    if (resume && !Files.isDirectory(outDir)) {
      throw new InvalidInputException(outDir + ": no checkpoint to resume (the directory does not exist). Run "
          + "without --resume to start training.");
    }
    Targets wanted = targets.fixed != null ? Targets.read(targets.fixed) : Targets.readRange(
        Objects.requireNonNull(targets.range));
    ShifterConfig settings = settings();
    try (LoadedPlugins loaded = plugins.load(diagnostics)) {
      ShifterModule.Builder wiring = ShifterModule.builder().setModelDirectory(modelDir).optConfig(settings)
          .optRegistry(loaded.registry()).optRegularizerPlugins(loaded.regularizers())
          .optMetaLossPlugins(loaded.metaLosses());
      regularizers.forEach((name, weight) -> {
        if (!Regularizers.BUILT_IN_NAMES.contains(name)) {
          wiring.addRegularizer(name, weight(name, weight));
        }
      });
      Injector injector = ShifterInjection.createInjector(wiring.build());
      try (LoadedGenerator generator = ShifterInjection.getInstance(injector, LoadedGenerator.class)) {
        return train(injector, wanted, outDir, diagnostics);
      }
    }
  }

  private int train(Injector injector, Targets wanted, Path outDir, Diagnostics diagnostics) {
    TrainProgressDisplay display = new TrainProgressDisplay(spec.commandLine().getErr(), progress.mode);
    ShifterTrainer trainer = ShifterInjection.getInstance(injector, ShifterTrainerFactory.class).builder()
        .setTargets(wanted).optOutputDirectory(outDir).optResume(resume).optListener(display).build();
    StopOnShutdown stop = new StopOnShutdown(trainer::requestStop);
    try {
      TrainedShifter trained;
      try {
        trained = trainer.train();
      } finally {
        display.close();
      }
      try (TrainedShifter shifter = trained) {
        TrainingSummary summary = shifter.summary().orElseThrow();
        TargetReportText.printTable(summary.evaluation(), spec.commandLine().getOut());
        diagnostics.note(String.format(Locale.ROOT, "wrote the Shifter to %s: %d steps in %.1f s (%.1f steps/s), %s.",
            outDir, summary.steps(), summary.seconds(), summary.stepsPerSecond(), reason(summary.stopReason())));
        BoundPiles.warn(summary, diagnostics);
        RealismText.warn(summary, diagnostics);
        if (summary.keptUnshifted() && summary.realismRejections() == 0) {
          diagnostics.warning("every evaluation left an entry outside its tolerance and further from its target than "
              + "the unshifted model, so the Shifter keeps its untrained weights: it generates the unshifted "
              + "model's rows. Ask for less on that entry (the table above), or for fewer entries at once, or "
              + "train longer (--steps).");
        } else if (summary.keptUnshifted()) {
          diagnostics.warning("no evaluation both kept within the realism limits and moved no entry away, so the "
              + "Shifter keeps its untrained weights: it generates the unshifted model's rows.");
        } else if (summary.keptAnEarlierStep()) {
          diagnostics.note(String.format(Locale.ROOT, "the Shifter keeps the weights of step %d, whose evaluation "
              + "was the best; the last step's was worse.", summary.keptStep()));
        }
      }
      return ExitCode.OK.code();
    } finally {
      stop.close();
    }
  }

  private static String reason(StopReason reason) {
    return switch (reason) {
      case CONVERGED -> "stopped early with every target within tolerance";
      case MAX_STEPS -> "all steps taken";
      case STOPPED -> "stopped on request; continue with --resume";
    };
  }

  private ShifterConfig settings() {
    ShifterConfig base = config != null ? ShifterConfig.read(config) : ShifterConfig.defaults();
    ShifterConfig.Builder builder = base.toBuilder();
    if (steps != null) {
      builder.optSteps(steps);
    }
    if (seed != null) {
      builder.optSeed(seed);
    }
    if (batchSize != null) {
      builder.optTrainSamples(batchSize);
    }
    if (lambdaTilt != null) {
      builder.optLambdaTilt(lambdaTilt);
    }
    if (lambdaZ != null) {
      builder.optLambdaZ(lambdaZ);
    }
    if (lambdaX != null) {
      builder.optLambdaX(lambdaX);
    }
    if (lambdaCritic != null) {
      builder.optLambdaCritic(lambdaCritic);
    }
    if (lambdaMarginal != null) {
      builder.optLambdaMarginal(lambdaMarginal);
    }
    if (deltaScale != null) {
      builder.optDeltaScale(deltaScale);
    }
    if (learningRate != null) {
      builder.optLearningRate(learningRate);
    }
    if (tolerance != null) {
      builder.optTolerance(tolerance);
    }
    if (metaLoss != null) {
      builder.optMetaLoss(metaLoss);
    }
    if (latentReg != null) {
      builder.optLatentReg(latentReg);
    }
    if (label != null) {
      builder.optLabel(label);
    }
    if (condition != null) {
      builder.optCondition(condition);
    }
    if (entryWeights != null) {
      builder.optEntryWeights(entryWeights);
    }
    if (maxShareShift != null) {
      builder.optMaxShareShift(maxShareShift);
    }
    if (maxBoundExcess != null) {
      builder.optMaxBoundExcess(maxBoundExcess);
    }
    if (checkpointEvery != null) {
      builder.optCheckpointEvery(checkpointEvery);
    }
    regularizers.forEach((name, weight) -> {
      if (Regularizers.BUILT_IN_NAMES.contains(name)) {
        Regularizers.setWeight(builder, name, weight(name, weight));
      }
    });
    return builder.build();
  }

  private double weight(String name, @Nullable Double weight) {
    if (weight == null || !(weight >= 0) || weight.isInfinite()) {
      throw new ParameterException(spec.commandLine(), "--regularizer " + name + "=" + weight + ": the weight "
          + "must be a number, zero or positive, e.g. --regularizer " + name + "=0.5.");
    }
    return weight;
  }
}
