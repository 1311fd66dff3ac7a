package dev.shifter.ctgan.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.Table;
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
    int latent = generator.latentDim();
    int condWidth = generator.condWidth();
    int width = transformer.width();
    for (int first = 0, batch = 0; first < n; first += BATCH, batch++) {
      int rows = Math.min(BATCH, n - first);
      long batchSeed = Seeds.derive(seed, batch);
      float[] z = SeededNoise.normal(rows, latent, Seeds.derive(batchSeed, 0));
      float[] uniform = SeededNoise.uniform(rows, width, Seeds.derive(batchSeed, 1));
      float[] cond = conditions.draw(rows, new Random(Seeds.derive(batchSeed, 2)));
      float[] hard;
      try (NDManager step = manager.newSubManager()) {
        NDArray logits = generator.logits(step.create(z, new Shape(rows, latent)),
            step.create(cond, new Shape(rows, condWidth)));
        hard = decoder.hardRows(logits, step.create(uniform, new Shape(rows, width)));
      }
      transformer.decodeInto(hard, rows, columns, first);
    }
    return transformer.toTable(columns, allocator);
  }
}
