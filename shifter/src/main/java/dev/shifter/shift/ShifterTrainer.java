package dev.shifter.shift;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shifter.api.ArtifactException;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.MetaLoss;
import dev.shifter.api.PluginRegistry;
import dev.shifter.api.Regularizer;
import dev.shifter.api.Remedy;
import dev.shifter.commons.Adam;
import dev.shifter.commons.EngineThreads;
import dev.shifter.commons.Seeds;
import dev.shifter.shift.internal.Calibration;
import dev.shifter.shift.internal.CriticRealism;
import dev.shifter.shift.internal.FarTargets;
import dev.shifter.shift.internal.FeatureSources;
import dev.shifter.shift.internal.Json;
import dev.shifter.shift.internal.ResolvedTargets;
import dev.shifter.shift.internal.SeedStreams;
import dev.shifter.shift.internal.ShiftNetworks;
import dev.shifter.shift.internal.ShifterFiles;
import dev.shifter.shift.internal.ShifterManifest;
import dev.shifter.shift.internal.ShifterManifest.RegularizerWeight;
import dev.shifter.shift.internal.TargetResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Trains a Shifter against a frozen generator for target meta-features.
 *
 * <p>Each step draws {@code Z ~ N(0, I)} ({@code trainSamples x latentDim}) and conditional vectors
 * from the data's own frequencies (no gradient), picks the target (the fixed one, or one drawn
 * uniformly in the range), shifts {@code z' = z + deltaScale * Delta([z, MetaEncoder(m*), mean(Z)])},
 * generates differentiably, computes the targeted meta-feature entries on the continuous columns, and
 * takes an Adam step on the Shifter's and MetaEncoder's parameters only, for
 * {@code L = metaLoss + sum(weight * regularizer)}. Before the first step a few unshifted batches
 * calibrate each entry's scale (see {@link TrainedShifter#scales()}). Every {@code evalEvery} steps an
 * evaluation batch checks the targets; training stops early once every entry is within
 * {@code stopWithin} of its tolerance at {@code stopPatience} evaluations in a row. A NaN or infinite
 * term stops training with a {@link TrainingDivergedException} that names it, leaving the last
 * checkpoint as it was.
 *
 * <pre>{@code
 * try (TrainedShifter shifter = ShifterTrainer.builder()
 *     .setAdapter(adapter)
 *     .setTargets(Targets.parse("{\"mean\": {\"age\": 45}}"))
 *     .optConfig(ShifterConfig.builder().optSteps(500).build())
 *     .build()
 *     .train()) {
 *   shifter.save(Path.of("shifters/adult-age"));
 * }
 * }</pre>
 */
public final class ShifterTrainer {
  static {
    EngineThreads.chooseDefault();
  }

  private static final Set<String> RESUMABLE_CHANGES = Set.of("steps", "eval_every", "checkpoint_every");

  private final GeneratorAdapter adapter;
  private final ModelReference model;
  private final Targets targets;
  private final ResolvedTargets resolved;
  private final ShifterConfig config;
  private final MetaLoss metaLoss;
  private final List<WeightedRegularizer> regularizers;
  private final MetaFeatureRegistry registry;
  private final TrainingListener listener;
  private final @Nullable Path output;
  private final boolean resume;
  private volatile boolean stopRequested;

  private ShifterTrainer(Builder builder, GeneratorAdapter adapter, Targets targets, MetaFeatureRegistry registry,
      ResolvedTargets resolved) {
    this.adapter = adapter;
    this.model = builder.model;
    this.targets = targets;
    this.resolved = resolved;
    this.config = builder.config;
    this.metaLoss = builder.metaLoss != null ? builder.metaLoss : MetaLosses.resolve(config.metaLoss(),
        builder.metaLossPlugins);
    List<WeightedRegularizer> all = new ArrayList<>(builder.regularizers != null ? builder.regularizers
        : defaultRegularizers(config));
    all.addAll(builder.extraRegularizers);
    this.regularizers = List.copyOf(all);
    for (WeightedRegularizer weighted : regularizers) {
      if (weighted.weight() > 0 && weighted.regularizer() instanceof CriticRealism) {
        CriticRealism.require(adapter, "lambda_critic " + weighted.weight());
      }
    }
    this.registry = registry;
    this.listener = builder.listener;
    this.output = builder.output;
    this.resume = builder.resume;
  }

  /**
   * Starts a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the default regularizers of a configuration: the latent regularizer with weight
   * {@code lambdaZ}, the feature-space regularizer with weight {@code lambdaX} and, when their weights
   * are above 0, the marginal regularizer ({@code lambdaMarginal}), the tilt regularizer
   * ({@code lambdaTilt}) and the critic regularizer ({@code lambdaCritic}).
   *
   * @param config the settings
   * @return the two to five weighted regularizers
   */
  public static List<WeightedRegularizer> defaultRegularizers(ShifterConfig config) {
    List<WeightedRegularizer> all = new ArrayList<>();
    all.add(WeightedRegularizer.of(config.lambdaZ(), Regularizers.latent(config.latentReg())));
    all.add(WeightedRegularizer.of(config.lambdaX(), Regularizers.featureSpace()));
    if (config.lambdaMarginal() > 0) {
      all.add(WeightedRegularizer.of(config.lambdaMarginal(), Regularizers.marginals()));
    }
    if (config.lambdaTilt() > 0) {
      all.add(WeightedRegularizer.of(config.lambdaTilt(), Regularizers.tilt()));
    }
    if (config.lambdaCritic() > 0) {
      all.add(WeightedRegularizer.of(config.lambdaCritic(), Regularizers.critic()));
    }
    return List.copyOf(all);
  }

  /**
   * Returns the regularizers this trainer adds to the loss, with their weights.
   *
   * @return the regularizers (those with weight 0 are not computed)
   */
  public List<WeightedRegularizer> regularizers() {
    return regularizers;
  }

  /**
   * Returns the meta loss.
   *
   * @return the loss
   */
  public MetaLoss metaLoss() {
    return metaLoss;
  }

  /**
   * Returns the settings.
   *
   * @return the settings
   */
  public ShifterConfig config() {
    return config;
  }

  /**
   * Asks a running {@link #train()} to stop after the current step; it then returns the Shifter as it
   * is (with {@link StopReason#STOPPED}) and saves it to the output directory. Safe from any thread.
   */
  public void requestStop() {
    stopRequested = true;
  }

  /**
   * Trains the Shifter. With an output directory, checkpoints are written there every
   * {@code checkpointEvery} steps and the trained Shifter at the end.
   *
   * @return the trained Shifter; close it
   * @throws TrainingDivergedException if a loss term becomes NaN or infinite
   * @throws ArtifactException if resuming from a checkpoint that does not fit
   */
  public TrainedShifter train() {
    long start = System.nanoTime();
    NDManager manager = NDManager.newBaseManager();
    try {
      ShifterState state;
      Adam adam;
      int firstStep;
      List<StepLoss> earlierLosses = List.of();
      @Nullable List<Double> entryWeights = null;
      if (resume) {
        Path dir = Objects.requireNonNull(output);
        Map<String, byte[]> files = ShifterFiles.read(dir);
        String source = dir.resolve(ShifterFiles.MANIFEST).toString();
        ShifterManifest manifest = ShifterFiles.parseManifest(ShifterFiles.file(files, ShifterFiles.MANIFEST), source);
        checkResumable(manifest, source);
        state = TrainedShifter.restore(dir, files, manifest, adapter, model, registry, manager);
        FeatureSources.check(dir.toString(), manifest.features(), state.resolved.features())
            .forEach(listener::onWarning);
        state.networks.requireGradients();
        adam = new Adam(state.networks.parameters(), manager, Adam.Settings.withLearningRate(config.learningRate()),
            ShifterFiles.ADAM_STATE);
        adam.load(ShifterFiles.file(files, ShifterFiles.ADAM), dir.resolve(ShifterFiles.ADAM).toString());
        firstStep = manifest.step();
        earlierLosses = ManifestMapping.history(manifest);
        entryWeights = manifest.entryWeights();
        state = new ShifterState(manager, adapter, model, config, state.targets, state.resolved, state.calibration,
            state.networks);
      } else {
        Engine engine = Engine.getInstance();
        double[] low = targets.entries().stream().mapToDouble(TargetEntry::low).toArray();
        double[] high = targets.entries().stream().mapToDouble(TargetEntry::high).toArray();
        Calibration calibration = Calibration.measure(adapter, resolved, manager, config.trainSamples(),
            config.calibrationBatches(), Seeds.fold(Seeds.derive(config.seed(), SeedStreams.CALIBRATION)), low, high);
        FarTargets.describe(calibration, targets.entries().stream().map(TargetEntry::label).toList(), low, high,
            config.trainSamples()).forEach(listener::onWarning);
        engine.setRandomSeed(Seeds.fold(Seeds.derive(config.seed(), SeedStreams.INITIALISATION)));
        ShiftNetworks networks = new ShiftNetworks(manager, adapter.latentDim(), resolved.size(),
            config.encoderHidden(), config.encodingDim(), config.shifterHidden(), config.deltaScale(),
            ShifterState.conditionProbabilities(config, resolved, adapter));
        state = new ShifterState(manager, adapter, model, config, targets, resolved, calibration, networks);
        adam = new Adam(networks.parameters(), manager, Adam.Settings.withLearningRate(config.learningRate()),
            ShifterFiles.ADAM_STATE);
        firstStep = 0;
      }
      TrainingRun run = new TrainingRun(state, metaLoss, regularizers, listener, output, adam, firstStep, earlierLosses,
          entryWeights, () -> stopRequested);
      TrainingSummary summary = run.run(start);
      TrainedShifter trained = new TrainedShifter(state, summary.steps(), true, summary, adam.save(),
          run.lossHistory(), ManifestMapping.regularizers(regularizers));
      if (output != null) {
        trained.save(output);
      }
      return trained;
    } catch (RuntimeException | Error e) {
      manager.close();
      throw e;
    }
  }

  private void checkResumable(ShifterManifest manifest, String source) {
    Targets saved = ManifestMapping.targets(manifest, source);
    if (!saved.equals(targets)) {
      throw new InvalidInputException("The checkpoint in " + output + " was trained for other targets ("
          + saved + "), not " + targets + ". Resume with the same targets, or train into another directory.");
    }
    JsonNode savedConfig = Json.mapper().valueToTree(ManifestMapping.config(manifest, source));
    ObjectNode current = Json.mapper().valueToTree(config);
    List<String> differing = new ArrayList<>();
    for (Iterator<String> names = current.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!RESUMABLE_CHANGES.contains(name) && !current.get(name).equals(savedConfig.get(name))) {
        differing.add(name + " " + savedConfig.get(name) + " (now " + current.get(name) + ")");
      }
    }
    if (!differing.isEmpty()) {
      throw new InvalidInputException("The checkpoint in " + output + " was trained with other settings: "
          + String.join(", ", differing) + ". Resume with the same settings (only steps, eval_every and "
          + "checkpoint_every may change), or train into another directory.");
    }
    checkSameRegularizers(manifest.regularizers());
  }

  private void checkSameRegularizers(@Nullable List<RegularizerWeight> saved) {
    if (saved == null) {
      return;
    }
    List<RegularizerWeight> now = ManifestMapping.regularizers(regularizers);
    Comparator<RegularizerWeight> byName = Comparator.comparing(RegularizerWeight::name)
        .thenComparingDouble(RegularizerWeight::weight);
    if (saved.stream().sorted(byName).toList().equals(now.stream().sorted(byName).toList())) {
      return;
    }
    List<Remedy> remedies = saved.stream().filter(r -> !Regularizers.BUILT_IN_NAMES.contains(r.name()))
        .map(r -> Remedy.set(Remedy.Setting.REGULARIZER, r.toString())).toList();
    throw new InvalidInputException("The checkpoint in " + output + " was trained with the regularizers " + saved
        + ", not " + now + ". Resume with the same regularizers and weights (add each plug-in regularizer again), "
        + "or train into another directory.", remedies.toArray(Remedy[]::new));
  }

  /**
   * Builds a {@link ShifterTrainer}: {@code setAdapter} and {@code setTargets} are required, everything
   * else optional.
   */
  public static final class Builder {
    private @Nullable GeneratorAdapter adapter;
    private ModelReference model = ModelReference.unidentified();
    private @Nullable Targets targets;
    private ShifterConfig config = ShifterConfig.defaults();
    private @Nullable MetaLoss metaLoss;
    private PluginRegistry<MetaLoss> metaLossPlugins = PluginRegistry.empty("meta loss");
    private @Nullable List<WeightedRegularizer> regularizers;
    private final List<WeightedRegularizer> extraRegularizers = new ArrayList<>();
    private @Nullable MetaFeatureRegistry registry;
    private TrainingListener listener = TrainingListener.none();
    private @Nullable Path output;
    private boolean resume;

    private Builder() {}

    /**
     * Sets the frozen generator (required). Its model is unidentified unless {@link #optModel} says.
     *
     * @param value the adapter
     * @return this builder
     */
    public Builder setAdapter(GeneratorAdapter value) {
      adapter = Objects.requireNonNull(value, "adapter");
      return this;
    }

    /**
     * Sets the frozen generator and its model reference from a loaded model.
     *
     * @param value the loaded generator
     * @return this builder
     */
    public Builder setGenerator(LoadedGenerator value) {
      adapter = value.adapter();
      model = value.model();
      return this;
    }

    /**
     * Sets the targets or range (required).
     *
     * @param value the targets
     * @return this builder
     */
    public Builder setTargets(Targets value) {
      targets = Objects.requireNonNull(value, "targets");
      return this;
    }

    /**
     * Sets the reference of the adapter's model, recorded in the saved Shifter.
     *
     * @param value the reference
     * @return this builder
     */
    public Builder optModel(ModelReference value) {
      model = Objects.requireNonNull(value, "model");
      return this;
    }

    /**
     * Sets the settings (default: {@link ShifterConfig#defaults()}).
     *
     * @param value the settings
     * @return this builder
     */
    public Builder optConfig(ShifterConfig value) {
      config = Objects.requireNonNull(value, "config");
      return this;
    }

    /**
     * Sets the meta loss (default: the one the settings name, {@code mse}).
     *
     * @param value the loss
     * @return this builder
     */
    public Builder optMetaLoss(MetaLoss value) {
      metaLoss = Objects.requireNonNull(value, "metaLoss");
      return this;
    }

    /**
     * Sets the plug-in meta losses that {@link ShifterConfig#metaLoss()} may name (default: none); ignored
     * when {@link #optMetaLoss} sets the loss.
     *
     * @param value the installed plug-in losses
     * @return this builder
     */
    public Builder optMetaLossPlugins(PluginRegistry<MetaLoss> value) {
      metaLossPlugins = Objects.requireNonNull(value, "metaLossPlugins");
      return this;
    }

    /**
     * Replaces the default regularizers ({@link #defaultRegularizers}).
     *
     * @param value the weighted regularizers, possibly none
     * @return this builder
     */
    public Builder optRegularizers(List<WeightedRegularizer> value) {
      regularizers = List.copyOf(value);
      return this;
    }

    /**
     * Adds a regularizer to the default ones (or to those of {@link #optRegularizers}).
     *
     * @param weight its weight
     * @param regularizer the regularizer
     * @return this builder
     */
    public Builder addRegularizer(double weight, Regularizer regularizer) {
      extraRegularizers.add(WeightedRegularizer.of(weight, regularizer));
      return this;
    }

    /**
     * Sets the meta-features (default: those installed, {@link MetaFeatureRegistry#loadInstalled()}).
     *
     * @param value the registry
     * @return this builder
     */
    public Builder optRegistry(MetaFeatureRegistry value) {
      registry = Objects.requireNonNull(value, "registry");
      return this;
    }

    /**
     * Sets the progress listener.
     *
     * @param value called after every step
     * @return this builder
     */
    public Builder optListener(TrainingListener value) {
      listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Sets the directory for checkpoints and the trained Shifter.
     *
     * @param value the directory (created or replaced atomically)
     * @return this builder
     */
    public Builder optOutputDirectory(Path value) {
      output = Objects.requireNonNull(value, "output");
      return this;
    }

    /**
     * Resumes from the checkpoint in the output directory (same targets and settings; only
     * {@code steps}, {@code eval_every} and {@code checkpoint_every} may change).
     *
     * @param value whether to resume
     * @return this builder
     */
    public Builder optResume(boolean value) {
      resume = value;
      return this;
    }

    /**
     * Checks the inputs and builds the trainer. The targets are validated against the meta-features
     * and the adapter's continuous columns here, before any training, and so is the critic that a
     * critic regularizer with a positive weight needs.
     *
     * @return the trainer
     * @throws InvalidInputException if a required value is missing, a target is invalid, a critic
     *     regularizer has a positive weight but the adapter has no critic, or the output directory
     *     cannot take a Shifter (it holds a model or other files, or is not writable)
     */
    public ShifterTrainer build() {
      if (adapter == null) {
        throw new InvalidInputException("No generator set. Call setAdapter(adapter) or setGenerator(loaded).");
      }
      if (targets == null) {
        throw new InvalidInputException("No targets set. Call setTargets(Targets.read(file)).");
      }
      if (resume && output == null) {
        throw new InvalidInputException("Resuming needs the output directory that holds the checkpoint. Call "
            + "optOutputDirectory(dir).");
      }
      if (output != null) {
        ShifterFiles.requireWritable(output);
      }
      MetaFeatureRegistry features = registry != null ? registry : MetaFeatureRegistry.loadInstalled();
      ResolvedTargets resolved = TargetResolver.resolve(targets.specs(), features, adapter, config.label());
      return new ShifterTrainer(this, adapter, targets, features, resolved);
    }
  }
}
