package dev.shifter.ctgan;

import ai.djl.ndarray.NDManager;
import dev.shifter.api.ArtifactException;
import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import dev.shifter.commons.EngineThreads;
import dev.shifter.ctgan.internal.CategoryFrequencies;
import dev.shifter.ctgan.internal.Critic;
import dev.shifter.ctgan.internal.CtganGeneratorAdapter;
import dev.shifter.ctgan.internal.DataTransformer;
import dev.shifter.ctgan.internal.DiscreteColumnInfo;
import dev.shifter.ctgan.internal.FrozenCritic;
import dev.shifter.ctgan.internal.FrozenGenerator;
import dev.shifter.ctgan.internal.Generator;
import dev.shifter.ctgan.internal.GumbelDecoder;
import dev.shifter.ctgan.internal.ModelArtifact;
import dev.shifter.ctgan.internal.ModelFiles;
import dev.shifter.ctgan.internal.ModelManifest;
import dev.shifter.ctgan.internal.ModelSampling;
import dev.shifter.ctgan.internal.Networks;
import dev.shifter.ctgan.internal.OutputActivation;
import dev.shifter.ctgan.types.CtganConfig;
import dev.shifter.ctgan.types.EpochLoss;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A fitted CTGAN: sample tables from it, save it, load it, and hand out a frozen
 * {@link GeneratorAdapter} for the Shifter. Get one from {@link CtganTrainer#fit()} or {@link #load}.
 *
 * <p>Sampling runs the generator in inference mode (BatchNorm with its running statistics), in batches,
 * and decodes hard: each mode and category is a Gumbel-max draw on the generator's logits (the argmax of
 * the Gumbel-softmax that training uses), each continuous value {@code tanh(alpha) * 4 sigma_k + mu_k}
 * for the drawn mode {@code k}. Without a condition, each row's conditional vector picks a categorical
 * column uniformly and one of its categories with its frequency in the training data. The same seed
 * gives the same table on any machine with the same engine build and thread count, and a model gives the
 * same rows before saving and after loading.
 *
 * <p>The model holds native memory: close it. It is safe to use from several threads (sampling is
 * serialised), except for its adapters (see {@link #adapter()}).
 *
 * <p>A saved model is a directory (written atomically, a previous model in it replaced safely):
 * {@code manifest.json} (format version, configuration and seed, columns, transformer state, category
 * counts, training progress, library/engine/Java versions, OS and architecture), {@code generator.params}
 * (the averaged generator that sampling uses, see {@link CtganConfig#generatorAveraging()}),
 * {@code generator-live.params} (the generator's last weights, where they are averaged) and
 * {@code critic.params} (DJL parameters, BatchNorm running statistics included),
 * {@code generator-adam.bin} and {@code critic-adam.bin} (optimizer states, for resuming) and
 * {@code checksums.sha256} (SHA-256 of each other file; {@code sha256sum -c checksums.sha256} checks
 * them). No Java serialization is involved.
 */
public final class CtganModel implements AutoCloseable {
  static {
    EngineThreads.chooseDefault();
  }

  private final ModelArtifact artifact;
  private final CtganConfig config;
  private final DataTransformer transformer;
  private final CategoryFrequencies frequencies;
  private final NDManager manager;
  private final FrozenGenerator generator;
  private final FrozenCritic critic;
  private final GumbelDecoder decoder;
  private final ModelSampling sampling;
  private boolean closed;

  CtganModel(ModelArtifact artifact, Path source) {
    ModelManifest manifest = artifact.manifest();
    this.artifact = artifact;
    CtganConfig training = manifest.config();
    this.config = training;
    this.transformer = DataTransformer.fromState(manifest.transformer());
    String manifestFile = source.resolve(ModelFiles.MANIFEST).toString();
    checkColumns(manifest, transformer, manifestFile);
    this.frequencies = new CategoryFrequencies(transformer.discreteColumns(), manifest.categoryCounts(),
        manifestFile);
    int width = transformer.width();
    int condWidth = transformer.condWidth();
    this.manager = NDManager.newBaseManager();
    try {
      List<String> files = ModelFiles.stateFiles(source);
      Generator net = Networks.generator(training, width, condWidth);
      Networks.initialize(net, manager, training.batchSize());
      Networks.load(net, manager, artifact.state().generator(), files.get(0));
      Critic criticNet = Networks.critic(training, width, condWidth);
      Networks.initialize(criticNet, manager, training.batchSize(), width + condWidth);
      Networks.load(criticNet, manager, artifact.state().critic(), files.get(1));
      this.generator = new FrozenGenerator(net, manager, training.embeddingDim(), condWidth);
      this.critic = new FrozenCritic(criticNet, manager, new OutputActivation(transformer.spans(), width),
          training.gumbelTau(), condWidth);
      this.decoder = new GumbelDecoder(transformer, training.gumbelTau());
      this.sampling = new ModelSampling(generator, decoder, transformer, manager);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  private static void checkColumns(ModelManifest manifest, DataTransformer transformer, String source) {
    if (!manifest.columns().equals(transformer.columns())) {
      throw new ArtifactException(source + " is inconsistent: its columns " + manifest.columns() + " differ from "
          + "those of its transformer state. Restore the model directory from a backup, or fit the model again.");
    }
  }

  /**
   * Loads a model saved by {@link #save} or written by {@link CtganTrainer} (a checkpoint). Every file is
   * checked against {@code checksums.sha256} and the manifest's format version is checked before
   * anything is built; the networks are then rebuilt from the manifest's configuration and their
   * parameters loaded.
   *
   * @param dir the model directory
   * @return the model; close it
   * @throws ArtifactException if the directory or a file is missing, damaged, of a newer format or
   *     inconsistent; the message names the file and says how to fix it
   */
  public static CtganModel load(Path dir) {
    return new CtganModel(ModelFiles.read(dir), dir);
  }

  /**
   * Saves the model to a directory, atomically: the files are written to a hidden temporary directory
   * beside it, which then replaces {@code dir}. An existing model directory is replaced (the old one is
   * moved aside first and deleted only once the new one is in place); any other non-empty directory is
   * left alone and refused.
   *
   * @param dir the directory to create or replace; missing parents are created
   * @throws InvalidInputException if {@code dir} is a file, a non-empty directory that is not a model, or
   *     not writable
   * @throws ShifterException if writing fails otherwise; a previous model in {@code dir} is then unchanged
   */
  public void save(Path dir) {
    checkOpen();
    ModelFiles.write(dir, artifact);
  }

  /**
   * Samples rows with a fresh random seed.
   *
   * @param allocator the Arrow allocator that will own the table
   * @param n the number of rows, at least 0
   * @return a table with the training data's columns; close it
   */
  public Table sample(BufferAllocator allocator, int n) {
    return sample(allocator, n, ThreadLocalRandom.current().nextLong());
  }

  /**
   * Samples rows reproducibly: the same seed and row count give the same table.
   *
   * @param allocator the Arrow allocator that will own the table
   * @param n the number of rows, at least 0
   * @param seed the seed of the latent noise, the conditional vectors and the mode and category draws
   * @return a table with the training data's columns; close it
   */
  public Table sample(BufferAllocator allocator, int n, long seed) {
    checkCount(n);
    return run(allocator, n, frequencies::draw, seed);
  }

  /**
   * Samples rows with a condition and a fresh random seed.
   *
   * @param allocator the Arrow allocator that will own the table
   * @param n the number of rows, at least 0
   * @param condition the category to ask for
   * @return a table with the training data's columns; close it
   * @throws InvalidInputException if the column is not a categorical column of the training data or the
   *     value is not one of its categories; the message lists the valid ones
   */
  public Table sample(BufferAllocator allocator, int n, Condition condition) {
    return sample(allocator, n, condition, ThreadLocalRandom.current().nextLong());
  }

  /**
   * Samples rows with a condition, reproducibly.
   *
   * @param allocator the Arrow allocator that will own the table
   * @param n the number of rows, at least 0
   * @param condition the category to ask for
   * @param seed the seed of the latent noise and the mode and category draws
   * @return a table with the training data's columns; close it
   * @throws InvalidInputException if the column is not a categorical column of the training data or the
   *     value is not one of its categories; the message lists the valid ones
   */
  public Table sample(BufferAllocator allocator, int n, Condition condition, long seed) {
    checkCount(n);
    int column = discreteIndex(condition.column());
    int category = transformer.categoryIndex(condition.column(), condition.value());
    return run(allocator, n, (rows, random) -> frequencies.fixed(rows, column, category), seed);
  }

  /**
   * Samples rows reproducibly in batches of {@value ModelSampling#BATCH} rows, handing each batch to
   * {@code sink} and closing it, so that memory stays the same for any row count. The batches together
   * hold exactly the rows that {@link #sample(BufferAllocator, int, long)} gives for the same seed.
   *
   * @param allocator the Arrow allocator that owns each batch while {@code sink} has it
   * @param n the number of rows, at least 0
   * @param seed the seed of the latent noise, the conditional vectors and the mode and category draws
   * @param sink takes the batches in order
   */
  public void sampleInBatches(BufferAllocator allocator, long n, long seed, TableSink sink) {
    checkCount(n);
    runInBatches(allocator, n, frequencies::draw, seed, sink);
  }

  /**
   * Samples rows with a condition, reproducibly, in batches (see
   * {@link #sampleInBatches(BufferAllocator, long, long, TableSink)}).
   *
   * @param allocator the Arrow allocator that owns each batch while {@code sink} has it
   * @param n the number of rows, at least 0
   * @param condition the category to ask for
   * @param seed the seed of the latent noise and the mode and category draws
   * @param sink takes the batches in order
   * @throws InvalidInputException if the column is not a categorical column of the training data or the
   *     value is not one of its categories; the message lists the valid ones
   */
  public void sampleInBatches(BufferAllocator allocator, long n, Condition condition, long seed, TableSink sink) {
    checkCount(n);
    int column = discreteIndex(condition.column());
    int category = transformer.categoryIndex(condition.column(), condition.value());
    runInBatches(allocator, n, (rows, random) -> frequencies.fixed(rows, column, category), seed, sink);
  }

  private synchronized void runInBatches(BufferAllocator allocator, long n, ModelSampling.Conditions conditions,
      long seed, TableSink sink) {
    checkOpen();
    sampling.sampleInBatches(allocator, n, conditions, seed, sink::accept);
  }

  private synchronized Table run(BufferAllocator allocator, int n, ModelSampling.Conditions conditions, long seed) {
    checkOpen();
    return sampling.sample(allocator, n, conditions, seed);
  }

  private int discreteIndex(String column) {
    List<DiscreteColumnInfo> discrete = transformer.discreteColumns();
    for (int c = 0; c < discrete.size(); c++) {
      if (discrete.get(c).name().equals(column)) {
        return c;
      }
    }
    List<String> names = discrete.stream().map(DiscreteColumnInfo::name).toList();
    String valid = names.isEmpty() ? "The model has no categorical column, so it cannot sample conditionally."
        : "Conditions apply to the categorical columns: " + String.join(", ", names) + ".";
    boolean continuous = columns().stream()
        .anyMatch(c -> c.name().equals(column) && c.kind() == ColumnKind.CONTINUOUS);
    throw new InvalidInputException((continuous ? "Column '" + column + "' is continuous. "
        : "The model has no column '" + column + "'. ") + valid);
  }

  private static void checkCount(long n) {
    if (n < 0) {
      throw new InvalidInputException("Cannot sample " + n + " rows. Ask for 0 or more rows.");
    }
  }

  /**
   * Hands out the model as a frozen {@link GeneratorAdapter} for the Shifter: the generator in
   * inference mode with frozen parameters, hard decoding, and a straight-through differentiable path
   * for the continuous columns. The adapter uses this model's networks: close it before the model, and
   * do not use it from several threads at once. Its Gumbel noise and conditional vectors come from the
   * engine's random generator ({@code Engine.getInstance().setRandomSeed} makes them reproducible).
   *
   * <p>The adapter is also a {@link dev.shifter.api.RealismCritic}: the model's critic, frozen and in
   * inference mode, which the Shifter's critic regularizer ({@code lambda_critic}) uses.
   *
   * @return a new adapter
   */
  public GeneratorAdapter adapter() {
    checkOpen();
    return new CtganGeneratorAdapter(generator, critic, decoder, transformer, frequencies);
  }

  /**
   * Returns the settings the model was fitted with, the seed included.
   *
   * @return the configuration
   */
  public CtganConfig config() {
    return config;
  }

  /**
   * Returns the training data's columns, in order; sampled tables have them.
   *
   * @return the columns
   */
  public List<ColumnSpec> columns() {
    return transformer.columns();
  }

  /**
   * Returns the number of whole epochs the model was trained for. It is less than
   * {@code config().epochs()} when the fit was stopped early; a fit stopped in the middle of an epoch
   * also includes that epoch's steps taken so far.
   *
   * @return the completed epochs
   */
  public int epochsCompleted() {
    return artifact.manifest().training().epochsCompleted();
  }

  /**
   * Returns the mean losses of each completed epoch, for loss curves; a resumed fit's history includes
   * the epochs before the resume. Empty for a model saved by a Shifter that did not record them.
   *
   * @return one entry per completed epoch, in order
   */
  public List<EpochLoss> lossHistory() {
    return artifact.manifest().training().history();
  }

  /**
   * Returns the number of training rows.
   *
   * @return the row count of the data the model was fitted on
   */
  public int trainingRows() {
    return artifact.manifest().training().rows();
  }

  ModelArtifact artifact() {
    return artifact;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("This CtganModel is closed. Load it again with CtganModel.load(dir).");
    }
  }

  /** Frees the networks' native memory; adapters handed out stop working. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      manager.close();
    }
  }
}
