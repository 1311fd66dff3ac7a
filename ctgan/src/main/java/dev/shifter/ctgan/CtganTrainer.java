package dev.shifter.ctgan;

import ai.djl.ndarray.NDManager;
import dev.shifter.api.ArtifactException;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import dev.shifter.commons.EngineThreads;
import dev.shifter.commons.Provenance;
import dev.shifter.commons.Seeds;
import dev.shifter.commons.Sha256;
import dev.shifter.ctgan.internal.CategoryFrequencies;
import dev.shifter.ctgan.internal.CtganTraining;
import dev.shifter.ctgan.internal.DataTransformer;
import dev.shifter.ctgan.internal.EncodedData;
import dev.shifter.ctgan.internal.ModelArtifact;
import dev.shifter.ctgan.internal.ModelFiles;
import dev.shifter.ctgan.internal.ModelManifest;
import dev.shifter.ctgan.internal.TrainingRecord;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.ctgan.types.EpochLoss;
import dev.shifter.ctgan.types.FitListener;
import dev.shifter.ctgan.types.FitProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Fits a CTGAN (Xu et al. 2019) to a table: the mode-specific normalisation, then WGAN-GP training of
 * the conditional generator against a PacGAN critic with training-by-sampling. Build one with
 * {@link #builder()}, then call {@link #fit()}:
 *
 * <pre>{@code
 * CtganTrainer trainer = CtganTrainer.builder()
 *     .setData(table)
 *     .optConfig(CtganConfig.builder().optEpochs(300).build())
 *     .optSeed(1)
 *     .optCheckpointDir(Path.of("models/adult"))
 *     .build();
 * try (CtganModel model = trainer.fit()) { ... }
 * }</pre>
 *
 * <p><b>Checkpoints.</b> With a checkpoint directory, a complete model directory (with the optimizers'
 * states) is written there, atomically, after every {@code checkpointEvery} epochs and after the last
 * one, so that a crash or a {@link #requestStop() stop} leaves the last completed checkpoint usable.
 * The files are written on a background thread while training goes on (the state is copied to bytes
 * at the epoch's end first); {@link #fit()} returns once the last one is complete.
 *
 * <p><b>Resuming.</b> {@link Builder#optResumeFrom} continues a checkpoint on the same data up to the
 * configured number of epochs. The resumed run is exact: every epoch reseeds the engine's and the
 * sampler's random generators from {@code (seed, epoch)}, and a checkpoint holds everything else that
 * the next epoch depends on (parameters, BatchNorm running statistics, both optimizers' moments and step
 * counts, the epoch count), so a run stopped after epoch {@code k} and resumed gives bit for bit the
 * parameters of the uninterrupted run, on the same machine with the same thread count (PyTorch's CPU
 * kernels are deterministic for a fixed thread count; another thread count changes the rounding of
 * reductions, not the procedure).
 *
 * <p>Reproducibility: the same data, configuration and seed give the same model on the same machine and
 * thread count. Training uses the engine's global random generator: do not run two fits at once in one
 * JVM (DJL allows only one gradient collector at a time anyway).
 */
public final class CtganTrainer {
  static {
    EngineThreads.chooseDefault();
  }

  private static final long TRANSFORM_STREAM = 0x7472616eL;

  private final Table data;
  private final @Nullable CtganConfig config;
  private final @Nullable Long seed;
  private final @Nullable Integer epochs;
  private final @Nullable Integer batchSize;
  private final FitListener listener;
  private final @Nullable Path checkpointDir;
  private final int checkpointEvery;
  private final @Nullable Path resumeFrom;
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private volatile @Nullable CtganTraining running;

  private CtganTrainer(Builder builder) {
    this.data = Objects.requireNonNull(builder.data);
    this.config = builder.config;
    this.seed = builder.seed;
    this.epochs = builder.epochs;
    this.batchSize = builder.batchSize;
    this.listener = builder.listener;
    this.checkpointDir = builder.checkpointDir;
    this.checkpointEvery = builder.checkpointEvery;
    this.resumeFrom = builder.resumeFrom;
  }

  /**
   * Starts a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Asks a running {@link #fit()} to stop after its current step; safe from any thread, e.g. a shutdown
   * hook. A fit not yet started stops before its first step. The fit then returns a model of the steps
   * taken; the checkpoint directory keeps the last completed checkpoint (the stopped state is written
   * there too when it falls on an epoch boundary). The request stays in force.
   */
  public void requestStop() {
    stopRequested.set(true);
    CtganTraining training = running;
    if (training != null) {
      training.requestStop();
    }
  }

  /**
   * Tells whether a stop was requested.
   *
   * @return whether {@link #requestStop()} was called
   */
  public boolean stopRequested() {
    return stopRequested.get();
  }

  /**
   * Fits the model: fits (or, when resuming, restores) the mode-specific transformer, encodes the data
   * and trains until the configured number of epochs or a {@link #requestStop() stop}.
   *
   * @return the fitted model; close it
   * @throws InvalidInputException if the data cannot be encoded (empty, infinite values, unknown
   *     categories when resuming), or does not match the checkpoint being resumed, or the settings
   *     contradict it
   * @throws ArtifactException if the checkpoint to resume is missing or damaged
   * @throws ShifterException if a checkpoint cannot be written
   */
  public CtganModel fit() {
    long started = System.nanoTime();
    checkCheckpointDir();
    @Nullable ModelArtifact resumed = resumeFrom == null ? null : ModelFiles.read(resumeFrom);
    CtganConfig settings = resumed == null ? freshSettings() : resumedSettings(resumed.manifest());
    DataTransformer transformer = resumed == null
        ? DataTransformer.fit(data, settings.seed())
        : DataTransformer.fromState(resumed.manifest().transformer());
    EncodedData encoded = transformer.transform(data, Seeds.derive(settings.seed(), TRANSFORM_STREAM));
    String fingerprint = Sha256.of(encoded.values());
    if (resumed != null) {
      checkSameData(resumed.manifest(), encoded, fingerprint);
    }
    listener.onDataEncoded(encoded.rows(), encoded.width(), Duration.ofNanos(System.nanoTime() - started));
    CategoryFrequencies frequencies = CategoryFrequencies.of(encoded);
    ModelArtifact artifact;
    try (NDManager manager = NDManager.newBaseManager();
        CtganTraining training = new CtganTraining(encoded, settings, manager);
        CheckpointWriter writer = checkpointDir == null ? null : new CheckpointWriter(checkpointDir, listener)) {
      int startEpoch = 0;
      if (resumed != null && resumeFrom != null) {
        startEpoch = resumed.manifest().training().epochsCompleted();
        training.restore(resumed.state(), startEpoch, ModelFiles.stateFiles(resumeFrom));
      }
      List<EpochLoss> history = resumed == null ? List.of() : resumed.manifest().training().history();
      Snapshots snapshots = new Snapshots(training, transformer, frequencies, settings, encoded, fingerprint,
          history, writer);
      running = training;
      if (stopRequested.get()) {
        training.requestStop();
      }
      try {
        training.train(new Progress(training, snapshots, startEpoch));
      } finally {
        running = null;
      }
      artifact = snapshots.current();
      if (checkpointDir != null && training.stepInEpoch() == 0
          && (training.completedEpochs() > snapshots.lastCheckpoint || !snapshots.written)) {
        snapshots.write(artifact);
      }
    }
    return new CtganModel(artifact, Path.of("(fitted model)"));
  }

  private void checkCheckpointDir() {
    Path dir = checkpointDir;
    if (dir != null) {
      ModelFiles.requireWritable(dir);
    }
  }

  private CtganConfig freshSettings() {
    CtganConfig base = config == null ? CtganConfig.defaults() : config;
    if (seed != null) {
      base = base.withSeed(seed);
    }
    if (epochs != null) {
      base = base.withEpochs(epochs);
    }
    if (batchSize != null) {
      base = base.toBuilder().optBatchSize(batchSize).build();
    }
    return base;
  }

  private CtganConfig resumedSettings(ModelManifest manifest) {
    CtganConfig saved = manifest.config();
    String where = resumeFrom + "/" + ModelFiles.MANIFEST;
    CtganConfig asked = config;
    if (asked != null) {
      asked = asked.withEpochs(saved.epochs());
      if (seed != null) {
        asked = asked.withSeed(seed);
      }
      if (!asked.equals(saved)) {
        throw new InvalidInputException("The settings differ from those of the checkpoint in " + where + " ("
            + saved + " there, " + asked + " here). A resumed fit keeps the checkpoint's settings: pass only the "
            + "number of epochs (optEpochs), or fit from scratch without optResumeFrom.");
      }
    }
    if (batchSize != null && batchSize != saved.batchSize()) {
      throw new InvalidInputException("The batch size " + batchSize + " differs from the checkpoint's batch size "
          + saved.batchSize() + " (" + where + "). A resumed fit keeps the checkpoint's batch size: leave it out or "
          + "give " + saved.batchSize() + ", or fit from scratch.");
    }
    if (seed != null && seed != saved.seed()) {
      throw new InvalidInputException("The seed " + seed + " differs from the checkpoint's seed " + saved.seed()
          + " (" + where + "). A resumed fit keeps the checkpoint's seed: leave the seed out, or fit from scratch.");
    }
    TrainingRecord record = manifest.training();
    if (!record.atEpochBoundary()) {
      throw new InvalidInputException(resumeFrom + " holds a model saved in the middle of an epoch (a fit that "
          + "was stopped), which cannot be resumed exactly. Resume from a checkpoint written by a fit with a "
          + "checkpoint directory, or fit from scratch.");
    }
    int target = epochs != null ? epochs : config != null ? config.epochs() : saved.epochs();
    if (target < record.epochsCompleted()) {
      throw new InvalidInputException("The checkpoint in " + resumeFrom + " already has " + record.epochsCompleted()
          + " epochs, more than the " + target + " asked for. Ask for at least " + record.epochsCompleted()
          + " epochs.");
    }
    return saved.withEpochs(target);
  }

  private void checkSameData(ModelManifest manifest, EncodedData encoded, String fingerprint) {
    TrainingRecord record = manifest.training();
    if (record.rows() != encoded.rows() || !record.dataSha256().equals(fingerprint)) {
      throw new InvalidInputException("The data differs from the data the checkpoint in " + resumeFrom
          + " was trained on (" + record.rows() + " rows there, " + encoded.rows() + " here; or other values). "
          + "Resume with the same table (same rows, same order), or fit from scratch.");
    }
  }

  /** Builds artifacts of the training's current state and writes checkpoints. */
  private final class Snapshots {
    private final CtganTraining training;
    private final DataTransformer transformer;
    private final CategoryFrequencies frequencies;
    private final CtganConfig settings;
    private final EncodedData encoded;
    private final String fingerprint;
    private final List<EpochLoss> history;
    private final @Nullable CheckpointWriter writer;
    private int lastCheckpoint;
    private boolean written;

    Snapshots(CtganTraining training, DataTransformer transformer, CategoryFrequencies frequencies,
        CtganConfig settings, EncodedData encoded, String fingerprint, List<EpochLoss> history,
        @Nullable CheckpointWriter writer) {
      this.writer = writer;
      this.history = new ArrayList<>(history);
      this.training = training;
      this.transformer = transformer;
      this.frequencies = frequencies;
      this.settings = settings;
      this.encoded = encoded;
      this.fingerprint = fingerprint;
      this.lastCheckpoint = training.completedEpochs();
    }

    ModelArtifact current() {
      long steps = (long) training.completedEpochs() * training.stepsPerEpoch() + training.stepInEpoch();
      TrainingRecord record = new TrainingRecord(training.completedEpochs(), steps, training.stepsPerEpoch(),
          encoded.rows(), fingerprint, history);
      ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, ModelManifest.FORMAT_VERSION, settings,
          transformer.columns(), transformer.state(), frequencies.counts(), record, Provenance.current("shifter-ctgan"));
      return new ModelArtifact(manifest, training.snapshot());
    }

    /** Starts writing a checkpoint in the background (see {@link CheckpointWriter}). */
    void write(ModelArtifact artifact) {
      CheckpointWriter out = writer;
      if (out == null) {
        return;
      }
      out.write(artifact);
      written = true;
      lastCheckpoint = artifact.manifest().training().epochsCompleted();
    }
  }

  /** Forwards steps to the listener and writes checkpoints at epoch ends. */
  private final class Progress implements FitListener {
    private final CtganTraining training;
    private final Snapshots snapshots;
    private final int startEpoch;
    private double generatorSum;
    private double criticSum;
    private double penaltySum;
    private int steps;

    Progress(CtganTraining training, Snapshots snapshots, int startEpoch) {
      this.training = training;
      this.snapshots = snapshots;
      this.startEpoch = startEpoch;
    }

    @Override
    public void onStep(FitProgress report) {
      generatorSum += report.generatorLoss();
      criticSum += report.criticLoss();
      penaltySum += report.gradientPenalty();
      steps++;
      listener.onStep(report);
    }

    @Override
    public void onEpochEnd(int completed, int epochs) {
      int count = Math.max(1, steps);
      snapshots.history.add(new EpochLoss(completed, generatorSum / count, criticSum / count, penaltySum / count));
      generatorSum = 0;
      criticSum = 0;
      penaltySum = 0;
      steps = 0;
      int total = training.config().epochs();
      listener.onEpochEnd(completed, total);
      boolean due = checkpointEvery > 0 && (completed - startEpoch) % checkpointEvery == 0;
      if (checkpointDir != null && (due || completed == total)) {
        snapshots.write(snapshots.current());
      }
    }
  }

  /** Builds a {@link CtganTrainer}: the data is required, everything else optional. */
  public static final class Builder {
    private @Nullable Table data;
    private @Nullable CtganConfig config;
    private @Nullable Long seed;
    private @Nullable Integer epochs;
    private @Nullable Integer batchSize;
    private FitListener listener = progress -> { };
    private @Nullable Path checkpointDir;
    private int checkpointEvery = 1;
    private @Nullable Path resumeFrom;

    private Builder() {}

    /**
     * Sets the training data (required). Continuous columns are {@code Float8Vector}s, categorical ones
     * {@code VarCharVector}s; missing values are supported in both. The table stays owned by the caller
     * and must stay open until {@link #fit()} returns.
     *
     * @param table the data
     * @return this builder
     */
    public Builder setData(Table table) {
      this.data = table;
      return this;
    }

    /**
     * Sets the settings (default: {@link CtganConfig#defaults()}, the paper's). When resuming, only
     * their number of epochs is used, and the other settings must equal the checkpoint's.
     *
     * @param value the settings
     * @return this builder
     */
    public Builder optConfig(CtganConfig value) {
      this.config = value;
      return this;
    }

    /**
     * Sets the seed, overriding the configuration's. When resuming it must equal the checkpoint's.
     *
     * @param value the seed
     * @return this builder
     */
    public Builder optSeed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * Sets the number of epochs, overriding the configuration's; when resuming, the total to reach.
     *
     * @param value the number of epochs, at least 0
     * @return this builder
     */
    public Builder optEpochs(int value) {
      this.epochs = value;
      return this;
    }

    /**
     * Sets the rows per training step, overriding the configuration's. When resuming it must equal the
     * checkpoint's.
     *
     * @param value a positive multiple of the configuration's pac
     * @return this builder
     */
    public Builder optBatchSize(int value) {
      this.batchSize = value;
      return this;
    }

    /**
     * Sets the listener that hears about each step, epoch and checkpoint (default: none).
     *
     * @param value the listener
     * @return this builder
     */
    public Builder optListener(FitListener value) {
      this.listener = value;
      return this;
    }

    /**
     * Writes checkpoints to this directory: a complete model directory, replaced atomically each time.
     * A non-empty directory that is not a model directory is never replaced.
     *
     * @param dir the checkpoint directory
     * @return this builder
     */
    public Builder optCheckpointDir(Path dir) {
      this.checkpointDir = dir;
      return this;
    }

    /**
     * Sets how many epochs pass between checkpoints (default 1); 0 writes one only after the last epoch
     * (or at a stop on an epoch boundary). Used only with a checkpoint directory.
     *
     * @param value epochs between checkpoints, at least 0
     * @return this builder
     */
    public Builder optCheckpointEvery(int value) {
      this.checkpointEvery = value;
      return this;
    }

    /**
     * Continues a checkpoint (a model directory written by a fit with a checkpoint directory, or saved
     * after a completed fit) up to the configured number of epochs, on the same data.
     *
     * @param dir the model directory to continue from
     * @return this builder
     */
    public Builder optResumeFrom(Path dir) {
      this.resumeFrom = dir;
      return this;
    }

    /**
     * Checks the settings and builds the trainer.
     *
     * @return the trainer
     * @throws InvalidInputException if the data is missing or a setting is out of range
     */
    public CtganTrainer build() {
      if (data == null) {
        throw new InvalidInputException("No training data: call setData(table) before build().");
      }
      if (checkpointEvery < 0) {
        throw new InvalidInputException("checkpointEvery must be >= 0 (0: only after the last epoch), got "
            + checkpointEvery + ".");
      }
      if (epochs != null && epochs < 0) {
        throw new InvalidInputException("epochs must be >= 0, got " + epochs + ".");
      }
      return new CtganTrainer(this);
    }
  }
}
