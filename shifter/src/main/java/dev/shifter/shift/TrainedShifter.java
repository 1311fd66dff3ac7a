package dev.shifter.shift;

import ai.djl.ndarray.NDManager;
import dev.shifter.api.ArtifactException;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.PluginException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.shift.internal.Calibration;
import dev.shifter.shift.internal.FeatureSources;
import dev.shifter.shift.internal.ResolvedTargets;
import dev.shifter.shift.internal.ShiftNetworks;
import dev.shifter.shift.internal.ShifterFiles;
import dev.shifter.shift.internal.ShifterManifest;
import dev.shifter.shift.internal.TargetResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;

/**
 * A trained Shifter bound to its frozen generator: generate shifted tables for its target (or any
 * target inside its trained range), save it, load it.
 *
 * <p>A saved Shifter is a directory: {@code manifest.json} (format version, settings, targets or
 * ranges, the per-entry unshifted values, sampling noise and scales, the seed, the fingerprint of the
 * model it was trained against, training summary, library/Java/OS versions), the parameters of the
 * MetaEncoder and of Delta ({@code Block.saveParameters}), the optimizer state, and
 * {@code checksums.sha256}. It is written atomically, and loading refuses a generator whose model
 * fingerprint differs from the recorded one.
 *
 * <p>Holds native memory: close it. The adapter is not closed with it. Not thread-safe.
 */
public final class TrainedShifter implements AutoCloseable {
  private final ShifterState state;
  private final int steps;
  private final boolean complete;
  private final @Nullable TrainingSummary summary;
  private final byte[] optimizerState;
  private final List<StepLoss> lossHistory;
  private final @Nullable List<ShifterManifest.RegularizerWeight> regularizers;
  private final List<String> warnings = new ArrayList<>();

  TrainedShifter(ShifterState state, int steps, boolean complete, @Nullable TrainingSummary summary,
      byte[] optimizerState, List<StepLoss> lossHistory,
      @Nullable List<ShifterManifest.RegularizerWeight> regularizers) {
    this.state = state;
    this.steps = steps;
    this.complete = complete;
    this.summary = summary;
    this.optimizerState = optimizerState.clone();
    this.lossHistory = List.copyOf(lossHistory);
    this.regularizers = regularizers == null ? null : List.copyOf(regularizers);
  }

  /**
   * Loads a Shifter directory for a loaded generator, with the installed meta-features.
   *
   * @param dir the Shifter directory
   * @param generator the generator it was trained against
   * @return the Shifter; close it
   * @throws ArtifactException if a file is missing or damaged, or the generator is another model
   */
  public static TrainedShifter load(Path dir, LoadedGenerator generator) {
    return load(dir, generator.adapter(), generator.model(), MetaFeatureRegistry.loadInstalled());
  }

  /**
   * Loads a Shifter directory.
   *
   * @param dir the Shifter directory
   * @param adapter the frozen generator
   * @param model the reference of the adapter's model; must have the recorded fingerprint
   * @param registry the meta-features (the targeted ones must be installed)
   * @return the Shifter; close it
   * @throws ArtifactException if a file is missing or damaged, or the generator is another model
   * @throws InvalidInputException if a targeted meta-feature is not installed
   * @throws PluginException if a targeted meta-feature now comes from another provider than the one
   *     the Shifter was trained with ({@link #warnings()} tells of another build of the same plug-in)
   */
  public static TrainedShifter load(Path dir, GeneratorAdapter adapter, ModelReference model,
      MetaFeatureRegistry registry) {
    Map<String, byte[]> files = ShifterFiles.read(dir);
    String source = dir.resolve(ShifterFiles.MANIFEST).toString();
    ShifterManifest manifest = ShifterFiles.parseManifest(ShifterFiles.file(files, ShifterFiles.MANIFEST), source);
    NDManager manager = NDManager.newBaseManager();
    try {
      ShifterState state = restore(dir, files, manifest, adapter, model, registry, manager);
      TrainedShifter trained = new TrainedShifter(state, manifest.step(),
          ShifterFiles.COMPLETE.equals(manifest.status()), ManifestMapping.summary(manifest, source),
          ShifterFiles.file(files, ShifterFiles.ADAM), ManifestMapping.history(manifest), manifest.regularizers());
      trained.warnings.addAll(FeatureSources.check(dir.toString(), manifest.features(),
          state.resolved.features()));
      return trained;
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /**
   * Returns the model a Shifter directory was trained against, after checking its files.
   *
   * @param dir the Shifter directory
   * @return the recorded reference (fingerprint and the model directory's path at training time)
   * @throws ArtifactException if a file is missing or damaged
   */
  public static ModelReference trainedModel(Path dir) {
    Map<String, byte[]> files = ShifterFiles.read(dir);
    ShifterManifest manifest = ShifterFiles.parseManifest(ShifterFiles.file(files, ShifterFiles.MANIFEST),
        dir.resolve(ShifterFiles.MANIFEST).toString());
    return new ModelReference(manifest.model().fingerprint(), manifest.model().location());
  }

  /**
   * Reads what a Shifter directory holds without loading its networks or its generator: settings,
   * targets, progress, training summary and loss curve. For reports and tools that only look.
   *
   * @param dir the Shifter directory
   * @return its description
   * @throws ArtifactException if a file is missing or damaged
   */
  public static SavedShifter inspect(Path dir) {
    Map<String, byte[]> files = ShifterFiles.read(dir);
    String source = dir.resolve(ShifterFiles.MANIFEST).toString();
    ShifterManifest manifest = ShifterFiles.parseManifest(ShifterFiles.file(files, ShifterFiles.MANIFEST), source);
    return new SavedShifter(ManifestMapping.config(manifest, source), ManifestMapping.targets(manifest, source),
        manifest.step(), ShifterFiles.COMPLETE.equals(manifest.status()), ManifestMapping.summary(manifest, source),
        ManifestMapping.history(manifest),
        new ModelReference(manifest.model().fingerprint(), manifest.model().location()));
  }

  /** Rebuilds the state of a Shifter directory; shared by loading and resuming. */
  static ShifterState restore(Path dir, Map<String, byte[]> files, ShifterManifest manifest, GeneratorAdapter adapter,
      ModelReference model, MetaFeatureRegistry registry, NDManager manager) {
    String source = dir.resolve(ShifterFiles.MANIFEST).toString();
    checkModel(dir, manifest, adapter, model);
    ShifterConfig config = ManifestMapping.config(manifest, source);
    Targets targets = ManifestMapping.targets(manifest, source);
    ResolvedTargets resolved = TargetResolver.resolve(targets.specs(), registry, adapter, config.label());
    Calibration calibration = manifest.calibration();
    if (calibration.scale().size() != resolved.size() || calibration.unshifted().size() != resolved.size()
        || calibration.noise().size() != resolved.size()) {
      throw new ArtifactException(source + " has a calibration for " + calibration.scale().size() + " entries but "
          + resolved.size() + " targets. Train the Shifter again.");
    }
    ShiftNetworks networks = new ShiftNetworks(manager, adapter.latentDim(), resolved.size(), config.encoderHidden(),
        config.encodingDim(), config.shifterHidden(), config.deltaScale(),
        ShifterState.conditionProbabilities(config, resolved, adapter));
    networks.load(manager, ShifterFiles.file(files, ShifterFiles.ENCODER), ShifterFiles.file(files, ShifterFiles.DELTA),
        dir.resolve(ShifterFiles.ENCODER).toString(), dir.resolve(ShifterFiles.DELTA).toString());
    return new ShifterState(manager, adapter, model, config, targets, resolved, calibration, networks);
  }

  private static void checkModel(Path dir, ShifterManifest manifest, GeneratorAdapter adapter, ModelReference model) {
    ShifterManifest.ModelInfo trained = manifest.model();
    if (!trained.fingerprint().equals(model.fingerprint())) {
      String where = trained.location().isEmpty() ? "" : " at " + trained.location();
      String given = model.location().isEmpty() ? "the generator given" : "the model " + model.location();
      throw new ArtifactException("The Shifter in " + dir + " was trained against the model" + where
          + " (fingerprint " + shortOf(trained.fingerprint()) + "), but " + given + " has fingerprint "
          + model.shortFingerprint() + ": it is another model, or the model was fitted again since. Use the model the "
          + "Shifter was trained against, or train a new Shifter for this model.");
    }
    if (trained.latentDim() != adapter.latentDim() || trained.condDim() != adapter.condDim()
        || !trained.continuousColumns().equals(adapter.continuousColumns())) {
      throw new ArtifactException("The Shifter in " + dir + " was trained against a generator with latent dimension "
          + trained.latentDim() + ", conditional width " + trained.condDim() + " and continuous columns "
          + trained.continuousColumns() + ", but the generator given has " + adapter.latentDim() + ", "
          + adapter.condDim() + " and " + adapter.continuousColumns() + ". Use the model the Shifter was trained "
          + "against.");
    }
  }

  private static String shortOf(String fingerprint) {
    return fingerprint.isEmpty() ? "(none)" : fingerprint.substring(0, Math.min(12, fingerprint.length()));
  }

  /**
   * Saves the Shifter to a directory, atomically (an existing Shifter directory there is replaced; any
   * other non-empty directory is refused).
   *
   * @param dir the directory
   * @throws InvalidInputException if {@code dir} cannot be used
   */
  public void save(Path dir) {
    ShifterFiles.write(dir, ManifestMapping.toManifest(state, complete ? ShifterFiles.COMPLETE
        : ShifterFiles.CHECKPOINT, steps, summary, lossHistory, null, regularizers), state.networks.saveEncoder(),
        state.networks.saveDelta(), optimizerState);
  }

  /**
   * Generates a shifted table for the trained target.
   *
   * @param allocator the Arrow allocator that will own the table
   * @param rows the number of rows
   * @param seed the seed of the noise (same seed, same table)
   * @return the table with its report
   * @throws InvalidInputException if the Shifter was trained for a range (give a target then)
   */
  public ShiftedTable generate(BufferAllocator allocator, int rows, long seed) {
    if (state.targets.isRange()) {
      throw new InvalidInputException("This Shifter was trained for a range of targets; say which target to "
          + "generate for, with values inside " + state.targets.toJson().replaceAll("\\s+", " ") + ".",
          Remedy.set(Setting.TARGETS));
    }
    return state.generate(allocator, rows, seed, state.lows());
  }

  /**
   * Generates a shifted table for a target inside the trained range: draws the noise for all rows with
   * the seed, shifts it with the MetaEncoder conditioned on {@code target}, generates without a graph,
   * and reports for each entry the target, the value reached, the unshifted generator's value with the
   * same noise, and whether it is within tolerance.
   *
   * @param allocator the Arrow allocator that will own the table
   * @param rows the number of rows
   * @param seed the seed of the noise
   * @param target fixed values for exactly the trained entries, each inside its trained range
   * @return the table with its report
   * @throws InvalidInputException if the target does not fit the trained entries or range
   */
  public ShiftedTable generate(BufferAllocator allocator, int rows, long seed, Targets target) {
    return state.generate(allocator, rows, seed, state.valuesOf(target));
  }

  /**
   * Checks, without generating, that {@link #generate(BufferAllocator, int, long, Targets)} takes a target:
   * one fixed value for exactly each trained entry, inside its trained range.
   *
   * @param target the target
   * @throws InvalidInputException if the target does not fit the trained entries or range
   */
  public void requireGeneratable(Targets target) {
    state.valuesOf(target);
  }

  /**
   * Returns the targets (or range) the Shifter was trained for.
   *
   * @return the targets
   */
  public Targets targets() {
    return state.targets;
  }

  /**
   * Returns the training settings.
   *
   * @return the settings
   */
  public ShifterConfig config() {
    return state.config;
  }

  /**
   * Returns the model the Shifter was trained against.
   *
   * @return the reference
   */
  public ModelReference model() {
    return state.model;
  }

  /**
   * Returns the number of training steps taken.
   *
   * @return the steps
   */
  public int steps() {
    return steps;
  }

  /**
   * Tells whether training ended (rather than this being a checkpoint taken during training).
   *
   * @return true when complete
   */
  public boolean isComplete() {
    return complete;
  }

  /**
   * Returns the summary of the training run, once complete.
   *
   * @return the summary, or empty for a checkpoint
   */
  public Optional<TrainingSummary> summary() {
    return Optional.ofNullable(summary);
  }

  /**
   * Returns the training-loss curve: the mean total loss and terms over windows of steps, with the worst
   * relative error at the latest evaluation (see {@link StepLoss}), from the first step, resumed runs
   * included. Empty for a directory written before the curve was recorded (format 1).
   *
   * @return the points in step order
   */
  public List<StepLoss> lossHistory() {
    return lossHistory;
  }

  /**
   * Returns what loading found that the user should know of, such as a targeted meta-feature that now
   * comes from another build of its plug-in's jar than the one trained with.
   *
   * @return one message per finding, empty when there is nothing to say
   */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * Returns the normalising scale of each target entry (in target order) used by the loss and the
   * MetaEncoder.
   *
   * @return the scales
   */
  public List<Double> scales() {
    return state.calibration.scale();
  }

  /**
   * Returns the unshifted generator's value of each target entry, measured before training.
   *
   * @return the values, in target order
   */
  public List<Double> unshiftedValues() {
    return state.calibration.unshifted();
  }

  /** Frees the networks; the adapter stays open. */
  @Override
  public void close() {
    state.close();
  }
}
