package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.RandomUtils;
import dev.shifter.api.CategoricalBlock;
import dev.shifter.api.ColumnKind;
import dev.shifter.api.EncodedBlock;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.RealismCritic;
import dev.shifter.api.Remedy;
import dev.shifter.api.Table;
import dev.shifter.api.TableView;
import dev.shifter.api.ValueBounds;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;

/**
 * A CTGAN model seen as a frozen {@link GeneratorAdapter}. The generator runs in inference mode with
 * frozen parameters; Gumbel noise comes from the engine's random generator (one {@code n x width}
 * uniform draw per call of {@link #generate} or {@link #generateDifferentiable}), and conditional vectors
 * from {@link RandomUtils#RANDOM}, which {@code Engine.setRandomSeed} seeds too. So after the same
 * {@code setRandomSeed}, both methods draw the same modes from the same {@code z} and {@code cond}, and
 * the forward values of {@link #generateDifferentiable} equal the continuous columns of {@link #generate}
 * (see {@link GumbelDecoder} for rows whose draw is a missing value).
 *
 * <p>It is also the model's frozen {@link RealismCritic}: {@link #criticScores} activates the generator's
 * output as in training (tanh, Gumbel-softmax with the model's temperature and the caller's noise),
 * appends the conditional vectors and scores groups of {@code pac} rows with the critic in inference
 * mode (no dropout), with a graph back to {@code z} only.
 *
 * <p>The adapter holds no native memory of its own; it uses the model's networks, so it must not be
 * used after the model is closed. Not thread-safe.
 */
public final class CtganGeneratorAdapter implements GeneratorAdapter, RealismCritic {
  private final FrozenGenerator generator;
  private final FrozenCritic critic;
  private final GumbelDecoder decoder;
  private final DataTransformer transformer;
  private final CategoryFrequencies frequencies;
  private final List<String> continuous;
  private final List<ValueBounds> bounds;

  /**
   * Creates the adapter.
   *
   * @param generator the frozen generator
   * @param critic the frozen critic trained with it
   * @param decoder the decoder of its output
   * @param transformer the transformer that decodes rows into a table
   * @param frequencies the training data's category frequencies
   */
  public CtganGeneratorAdapter(FrozenGenerator generator, FrozenCritic critic, GumbelDecoder decoder,
      DataTransformer transformer, CategoryFrequencies frequencies) {
    this.generator = generator;
    this.critic = critic;
    this.decoder = decoder;
    this.transformer = transformer;
    this.frequencies = frequencies;
    this.continuous = transformer.continuousLayouts().stream().map(ContinuousLayout::name).toList();
    this.bounds = transformer.continuousLayouts().stream()
        .map(layout -> layout.domain().equals(ValueDomain.UNBOUNDED) ? ValueBounds.UNBOUNDED
            : new ValueBounds(layout.domain().min(), layout.domain().max())).toList();
  }

  @Override
  public int latentDim() {
    return generator.latentDim();
  }

  @Override
  public int condDim() {
    return generator.condWidth();
  }

  @Override
  public List<String> continuousColumns() {
    return continuous;
  }

  /** The categorical columns' one-hot blocks in the encoded rows. */
  @Override
  public List<EncodedBlock> categoricalBlocks() {
    return transformer.discreteColumns().stream()
        .map(c -> new EncodedBlock(c.name(), c.dataOffset(), c.categories())).toList();
  }

  /** Each column's fitted range: decoded values are clipped to it. */
  @Override
  public List<ValueBounds> continuousBounds() {
    return bounds;
  }

  @Override
  public NDArray sampleCondVec(NDManager manager, int n) {
    return manager.create(frequencies.draw(n, RandomUtils.RANDOM), new Shape(n, condDim()));
  }

  @Override
  public Table generate(BufferAllocator allocator, NDArray z, NDArray cond) {
    generator.checkShapes(z, cond);
    int n = Math.toIntExact(z.getShape().get(0));
    DecodedColumns columns = transformer.newColumns(n);
    try (NDManager scratch = z.getManager().newSubManager()) {
      NDArray uniform = decoder.uniform(scratch, n);
      NDArray detachedZ = z.stopGradient();
      NDArray detachedCond = cond.stopGradient();
      detachedZ.attach(scratch);
      detachedCond.attach(scratch);
      for (int first = 0; first < n; first += ModelSampling.BATCH) {
        int rows = Math.min(ModelSampling.BATCH, n - first);
        try (NDManager step = scratch.newSubManager()) {
          NDArray zBatch = slice(detachedZ, first, rows, step);
          NDArray condBatch = slice(detachedCond, first, rows, step);
          NDArray logits = generator.logits(zBatch, condBatch);
          float[] hard = decoder.hardRows(logits, slice(uniform, first, rows, step));
          transformer.decodeInto(hard, rows, columns, first);
        }
      }
    }
    return transformer.toTable(columns, allocator);
  }

  private static NDArray slice(NDArray array, int first, int rows, NDManager manager) {
    NDArray part = array.get("{}:{}", first, first + rows);
    part.attach(manager);
    return part;
  }

  @Override
  public NDArray generateDifferentiable(NDArray z, NDArray cond) {
    NDArray logits = generator.logits(z, cond);
    return decoder.straightThrough(logits, decoder.uniform(z.getManager(), z.getShape().get(0)));
  }

  /**
   * Generates the rows as a meta-feature sees them, with a graph: the continuous columns as
   * {@link #generateDifferentiable} gives them (the same single uniform draw, so the same values), and each
   * categorical column as a straight-through one-hot over its fitted categories (sorted, as in a table's
   * view), forward the Gumbel-max draw that {@link #generate} decodes, gradient the Gumbel-softmax
   * relaxation at the model's temperature. A column's "missing" slot takes no part (see
   * {@link GumbelDecoder#categoricalStraightThrough}).
   *
   * @throws InvalidInputException if {@code label} is not a categorical column of the model
   */
  @Override
  public TableView generateView(NDArray z, NDArray cond, @Nullable String label) {
    requireCategoricalLabel(label);
    NDArray logits = generator.logits(z, cond);
    NDArray perturbed = decoder.perturbed(logits, decoder.uniform(z.getManager(), z.getShape().get(0)));
    NDArray values = decoder.continuousStraightThrough(perturbed);
    List<CategoricalBlock> blocks = new ArrayList<>();
    CategoricalBlock labelBlock = null;
    List<String> attributes = new ArrayList<>();
    int discrete = 0;
    for (ColumnState column : transformer.state().columns()) {
      if (column.kind() != ColumnKind.CATEGORICAL) {
        attributes.add(column.name());
        continue;
      }
      DiscreteColumnInfo info = transformer.discreteColumns().get(discrete++);
      if (column.categories().isEmpty()) {
        continue;
      }
      CategoricalBlock block = new CategoricalBlock(column.name(), column.categories(),
          decoder.categoricalStraightThrough(perturbed, info.dataOffset(), column.categories().size()));
      if (column.name().equals(label)) {
        labelBlock = block;
      } else {
        blocks.add(block);
        attributes.add(column.name());
      }
    }
    return new TableView(values, continuous, blocks, labelBlock, attributes, true);
  }

  private void requireCategoricalLabel(@Nullable String label) {
    if (label == null) {
      return;
    }
    for (ColumnState column : transformer.state().columns()) {
      if (column.name().equals(label)) {
        if (column.kind() != ColumnKind.CATEGORICAL) {
          throw new InvalidInputException("The label '" + label + "' is a continuous column of the model, and a "
              + "label's classes must be categories of a categorical column. Name a categorical column as the "
              + "label, or fit the model again with '" + label + "' read as categorical.",
              Remedy.set(Remedy.Setting.LABEL_COLUMN));
        }
        if (column.categories().isEmpty()) {
          throw new InvalidInputException("The label '" + label + "' has only missing values in the model's "
              + "training data. Name another label column.", Remedy.set(Remedy.Setting.LABEL_COLUMN));
        }
        return;
      }
    }
    throw new InvalidInputException("The label column '" + label + "' is not a column of the model. Its categorical "
        + "columns are: " + String.join(", ", transformer.discreteColumns().stream().map(DiscreteColumnInfo::name)
            .toList()) + ".", Remedy.set(Remedy.Setting.LABEL_COLUMN));
  }

  /** The data's own probabilities of each conditional-vector entry, as {@link #sampleCondVec} draws them. */
  @Override
  public double[] condProbabilities() {
    return frequencies.probabilities();
  }

  /**
   * Returns CTGAN's own encoding of the generated rows, with a graph back to {@code z}: per continuous
   * column the tanh-activated scalar and the softmax over its modes, per categorical column the softmax
   * over its categories (the mode-specific normalisation of the paper, {@code width} columns in all).
   * No Gumbel noise is drawn, so two calls with the same {@code z} and {@code cond} give the same rows.
   *
   * @param z an {@code n x latentDim()} float32 matrix, typically requiring a gradient
   * @param cond an {@code n x condDim()} float32 matrix
   * @return an {@code n x width} float32 matrix, width being the encoded row's
   */
  @Override
  public NDArray generateEncoded(NDArray z, NDArray cond) {
    return decoder.encoded(generator.logits(z, cond));
  }

  @Override
  public int criticGroupSize() {
    return critic.pac();
  }

  @Override
  public NDArray sampleCriticNoise(NDManager manager, int n) {
    if (n < 0) {
      throw new InvalidInputException("Cannot draw critic noise for " + n + " rows. Ask for 0 or more rows.");
    }
    return critic.noise(manager, n);
  }

  @Override
  public NDArray criticScores(NDArray z, NDArray cond, NDArray noise) {
    generator.checkShapes(z, cond);
    long n = z.getShape().get(0);
    if (n < critic.pac()) {
      throw new InvalidInputException("The critic scores groups of " + critic.pac() + " rows (PacGAN) and got only "
          + n + ". Give it at least " + critic.pac() + " rows, ideally a multiple of " + critic.pac() + ".");
    }
    return critic.scoreLogits(generator.logits(z, cond), cond, noise);
  }

  /** Does nothing: the adapter holds no native memory of its own. */
  @Override
  public void close() {
    // The networks belong to the model, which closes them.
  }
}
