package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.Table;
import dev.shifter.commons.Seeds;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Samples rows from a frozen generator in batches of {@link #BATCH} rows: per batch the latent noise,
 * the conditional vectors and the Gumbel noise are drawn from seeds derived from {@code (seed, batch)}
 * in Java, the generator runs in inference mode, and the rows are decoded hard. The result depends only
 * on the model, the seed and the row count (not on the engine's random generator or the thread count),
 * and the first rows of a larger sample equal a smaller sample with the same seed.
 */
public final class ModelSampling {
  /** Rows per batch; part of the sampling procedure, so changing it changes the samples of a seed. */
  public static final int BATCH = 8192;

  private final FrozenGenerator generator;
  private final GumbelDecoder decoder;
  private final DataTransformer transformer;
  private final NDManager manager;

  /** Draws the conditional vectors of a batch. */
  @FunctionalInterface
  public interface Conditions {
    /**
     * Draws conditional vectors.
     *
     * @param rows the number of rows
     * @param random the batch's source of randomness
     * @return {@code rows x condWidth} values, row-major
     */
    float[] draw(int rows, Random random);
  }

  /**
   * Creates the sampler.
   *
   * @param generator the frozen generator
   * @param decoder the decoder of the generator's output
   * @param transformer the transformer that decodes rows into a table
   * @param manager the manager under which each batch's arrays live (in a sub-manager closed after the batch)
   */
  public ModelSampling(FrozenGenerator generator, GumbelDecoder decoder, DataTransformer transformer,
      NDManager manager) {
    this.generator = generator;
    this.decoder = decoder;
    this.transformer = transformer;
    this.manager = manager;
  }

  /** Takes one decoded batch; the batch is closed after the call. */
  @FunctionalInterface
  public interface Batches {
    /**
     * Takes a batch.
     *
     * @param batch the rows of one batch
     */
    void accept(Table batch);
  }

  /**
   * Samples rows batch by batch: each batch is decoded into a table of its own, handed over and
   * closed. The rows are those of {@link #sample} with the same seed.
   *
   * @param allocator the Arrow allocator that owns each batch
   * @param n the number of rows, at least 0
   * @param conditions draws the conditional vectors
   * @param seed the seed
   * @param batches takes the batches in order
   */
  public void sampleInBatches(BufferAllocator allocator, long n, Conditions conditions, long seed,
      Batches batches) {
    long batchCount = (n + BATCH - 1) / BATCH;
    for (long batch = 0; batch < batchCount; batch++) {
      int rows = (int) Math.min(BATCH, n - batch * BATCH);
      DecodedColumns columns = transformer.newColumns(rows);
      transformer.decodeInto(hardRows(rows, conditions, Seeds.derive(seed, batch)), rows, columns, 0);
      try (Table table = transformer.toTable(columns, allocator)) {
        batches.accept(table);
      }
    }
  }

  /**
   * Samples rows.
   *
   * @param allocator the Arrow allocator that will own the table
   * @param n the number of rows, at least 0
   * @param conditions draws the conditional vectors
   * @param seed the seed
   * @return the table with the training data's columns; the caller closes it
   */
  public Table sample(BufferAllocator allocator, int n, Conditions conditions, long seed) {
    DecodedColumns columns = transformer.newColumns(n);
    for (int first = 0, batch = 0; first < n; first += BATCH, batch++) {
      int rows = Math.min(BATCH, n - first);
      transformer.decodeInto(hardRows(rows, conditions, Seeds.derive(seed, batch)), rows, columns, first);
    }
    return transformer.toTable(columns, allocator);
  }

  /** Draws one batch's noise from its seed, runs the generator and decodes the modes and categories hard. */
  private float[] hardRows(int rows, Conditions conditions, long batchSeed) {
    int latent = generator.latentDim();
    int condWidth = generator.condWidth();
    int width = transformer.width();
    float[] z = SeededNoise.normal(rows, latent, Seeds.derive(batchSeed, 0));
    float[] uniform = SeededNoise.uniform(rows, width, Seeds.derive(batchSeed, 1));
    float[] cond = conditions.draw(rows, new Random(Seeds.derive(batchSeed, 2)));
    try (NDManager step = manager.newSubManager()) {
      NDArray logits = generator.logits(step.create(z, new Shape(rows, latent)),
          step.create(cond, new Shape(rows, condWidth)));
      return decoder.hardRows(logits, step.create(uniform, new Shape(rows, width)));
    }
  }
}
