package dev.shifter.shift;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import dev.shifter.api.ContinuousMatrix;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.commons.Seeds;
import dev.shifter.shift.internal.EntropyBalancing;
import dev.shifter.shift.internal.MomentConditions;
import dev.shifter.shift.internal.ResolvedTargets;
import dev.shifter.shift.internal.TargetResolver;
import dev.shifter.shift.internal.TargetSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.jspecify.annotations.Nullable;

/**
 * The training-free baseline to a Shifter: draw a large pool of rows from the frozen generator, find
 * the maximum-entropy weights under which the pool has the target meta-features (entropy balancing on
 * {@link MomentConditions}: the weighted pool closest to the generator's own distribution in
 * Kullback-Leibler divergence), and resample the rows asked for from the weighted pool (systematic
 * resampling, then a seeded shuffle). It needs no training, and it cannot make a row the generator
 * does not make: targets far from the generator's values collapse the weights onto few rows, which the
 * effective sample size shows; below the number of rows asked for, the draw is refused.
 *
 * <p>Supported meta-features: those of {@link MomentConditions#SUPPORTED}. Targets are fixed values (a
 * range Shifter's targets: give one value per entry).
 */
public final class TiltGenerator {
  /** Rows generated per batch of the pool. */
  private static final int CHUNK = 16_384;
  private static final long POOL_STREAM = 0x706f6f6cL;
  private static final long RESAMPLE_STREAM = 0x72657361L;

  private final GeneratorAdapter adapter;
  private final Targets targets;
  private final MetaFeatureRegistry registry;
  private final int poolFactor;
  private final double tolerance;
  private final double absoluteTolerance;

  private TiltGenerator(Builder builder, GeneratorAdapter adapter, Targets targets, MetaFeatureRegistry registry) {
    this.adapter = adapter;
    this.targets = targets;
    this.registry = registry;
    this.poolFactor = builder.poolFactor;
    this.tolerance = builder.tolerance;
    this.absoluteTolerance = builder.absoluteTolerance;
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
   * Draws a reweighted table.
   *
   * @param allocator the Arrow allocator that will own the table
   * @param rows the rows to draw, at least 2
   * @param seed the seed of the pool and the resampling (same seed, same table)
   * @return the table with its report, effective sample size and pool size; close it
   * @throws InvalidInputException if the targets cannot be met by reweighting the pool (out of the pool's
   *     reach, or the weights collapse below {@code rows} effective rows)
   */
  public TiltedTable generate(BufferAllocator allocator, int rows, long seed) {
    if (rows < 2) {
      throw new InvalidInputException("The number of rows must be at least 2, got " + rows + ".");
    }
    long poolSize = (long) rows * poolFactor;
    if (poolSize > Integer.MAX_VALUE / 2) {
      throw new InvalidInputException(String.format(Locale.ROOT, "A pool of %,d x %d rows is too large; ask for "
          + "fewer rows or a smaller pool factor.", rows, poolFactor));
    }
    ResolvedTargets resolved = TargetResolver.resolve(specs(), registry, adapter.continuousColumns(),
        adapter.continuousBounds());
    List<Table> chunks = drawPool(allocator, (int) poolSize, seed);
    try {
      Pool pool = new Pool(chunks, adapter.continuousColumns());
      MomentConditions.Built conditions = MomentConditions.of(specs(), adapter.continuousColumns(), pool.values,
          rows);
      EntropyBalancing.Solution solution = EntropyBalancing.solve(conditions.phi(), conditions.values());
      if (!solution.converged()) {
        throw new InvalidInputException(String.format(Locale.ROOT, "The targets are beyond what reweighting %,d rows "
            + "of the model can reach: the closest weights still miss a moment condition by %.3g pool standard "
            + "deviations (%s). Train a Shifter, which moves the generator's rows, or ask for less.",
            pool.size, solution.residual(), String.join(", ", conditions.names())));
      }
      double ess = solution.effectiveSampleSize();
      if (ess < rows) {
        throw new InvalidInputException(String.format(Locale.ROOT, "The weights collapse: the %,d-row pool has an "
            + "effective sample size of %.0f under them, fewer than the %,d rows asked for, so the table would "
            + "repeat a few rows. Ask for fewer rows, a larger pool (the pool factor, now %d), or train a "
            + "Shifter.", pool.size, ess, rows, poolFactor), Remedy.set(Setting.ROWS), Remedy.set(Setting.POOL_FACTOR));
      }
      int[] picked = resample(solution.weights(), rows, Seeds.derive(seed, RESAMPLE_STREAM));
      Table table = pool.take(allocator, picked);
      try {
        double[] reached = measure(resolved, table);
        int[] first = new int[rows];
        for (int i = 0; i < rows; i++) {
          first[i] = i;
        }
        double[] unshifted;
        try (Table plain = pool.take(allocator, first)) {
          unshifted = measure(resolved, plain);
        }
        double[] noise = noise(resolved, pool, allocator, rows);
        return new TiltedTable(table, report(reached, unshifted, noise), ess, pool.size);
      } catch (RuntimeException e) {
        table.close();
        throw e;
      }
    } finally {
      chunks.forEach(Table::close);
    }
  }

  private List<TargetSpec> specs() {
    return targets.specs();
  }

  private List<Table> drawPool(BufferAllocator allocator, int size, long seed) {
    List<Table> chunks = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int first = 0, chunk = 0; first < size; first += CHUNK, chunk++) {
        int n = Math.min(CHUNK, size - first);
        try (NDManager step = manager.newSubManager()) {
          Engine.getInstance().setRandomSeed(Seeds.fold(Seeds.derive(Seeds.derive(seed, POOL_STREAM), chunk)));
          NDArray z = step.randomNormal(new Shape(n, adapter.latentDim()));
          NDArray cond = adapter.sampleCondVec(step, n);
          chunks.add(adapter.generate(allocator, z, cond));
        }
      }
      return chunks;
    } catch (RuntimeException e) {
      chunks.forEach(Table::close);
      throw e;
    }
  }

  /** Systematic resampling: one uniform offset, {@code rows} evenly spaced points; then a seeded shuffle. */
  private static int[] resample(double[] weights, int rows, long seed) {
    Random random = new Random(seed);
    int[] picked = new int[rows];
    double step = 1.0 / rows;
    double point = random.nextDouble() * step;
    double cumulative = 0;
    int i = 0;
    for (int r = 0; r < rows; r++) {
      while (i < weights.length - 1 && cumulative + weights[i] < point) {
        cumulative += weights[i];
        i++;
      }
      picked[r] = i;
      point += step;
    }
    for (int r = rows - 1; r > 0; r--) {
      int j = random.nextInt(r + 1);
      int swap = picked[r];
      picked[r] = picked[j];
      picked[j] = swap;
    }
    return picked;
  }

  private static double[] measure(ResolvedTargets resolved, Table table) {
    try (NDManager manager = NDManager.newBaseManager();
        ContinuousMatrix matrix = table.toMatrix(manager, resolved.columns())) {
      float[] values = resolved.values(matrix.values()).toFloatArray();
      double[] out = new double[values.length];
      for (int i = 0; i < values.length; i++) {
        out[i] = values[i];
      }
      return out;
    }
  }

  /** The standard deviation of each entry over the pool's disjoint blocks of {@code rows} rows (at most 20). */
  private static double[] noise(ResolvedTargets resolved, Pool pool, BufferAllocator allocator, int rows) {
    int blocks = Math.min(20, pool.size / rows);
    if (blocks < 2) {
      return new double[resolved.size()];
    }
    double[][] values = new double[blocks][];
    for (int b = 0; b < blocks; b++) {
      int[] block = new int[rows];
      for (int i = 0; i < rows; i++) {
        block[i] = b * rows + i;
      }
      try (Table part = pool.take(allocator, block)) {
        values[b] = measure(resolved, part);
      }
    }
    double[] sd = new double[resolved.size()];
    for (int e = 0; e < sd.length; e++) {
      double mean = 0;
      for (double[] v : values) {
        mean += v[e];
      }
      mean /= blocks;
      double squares = 0;
      for (double[] v : values) {
        squares += (v[e] - mean) * (v[e] - mean);
      }
      sd[e] = Math.sqrt(squares / (blocks - 1));
    }
    return sd;
  }

  private List<TargetReport> report(double[] reached, double[] unshifted, double[] noise) {
    List<TargetReport> report = new ArrayList<>();
    for (int i = 0; i < targets.entries().size(); i++) {
      TargetEntry entry = targets.entries().get(i);
      double target = entry.low();
      double allowed = Math.max(Math.max(tolerance * Math.abs(target), noise[i]), absoluteTolerance);
      report.add(new TargetReport(entry.feature(), entry.key(), target, reached[i], unshifted[i], allowed,
          Math.abs(reached[i] - target) <= allowed));
    }
    return report;
  }

  /** The pool's rows: its chunks, and each continuous column's values as one array. */
  private static final class Pool {
    final List<Table> chunks;
    final int size;
    final double[][] values;
    final int[] starts;

    Pool(List<Table> chunks, List<String> continuous) {
      this.chunks = chunks;
      this.starts = new int[chunks.size()];
      int total = 0;
      for (int c = 0; c < chunks.size(); c++) {
        starts[c] = total;
        total += chunks.get(c).rowCount();
      }
      this.size = total;
      this.values = new double[continuous.size()][total];
      for (int j = 0; j < continuous.size(); j++) {
        for (int c = 0; c < chunks.size(); c++) {
          Float8Vector vector = chunks.get(c).continuous(continuous.get(j));
          for (int i = 0; i < vector.getValueCount(); i++) {
            values[j][starts[c] + i] = vector.isNull(i) ? Double.NaN : vector.get(i);
          }
        }
      }
    }

    /** Builds a table of the given pool rows, in that order. */
    Table take(BufferAllocator allocator, int[] rows) {
      List<ColumnSpec> columns = chunks.get(0).columns();
      try (TableBuilder builder = new TableBuilder(allocator)) {
        for (ColumnSpec column : columns) {
          if (column.kind() == ColumnKind.CONTINUOUS) {
            double[] out = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
              int chunk = chunkOf(rows[r]);
              Float8Vector vector = chunks.get(chunk).continuous(column.name());
              int i = rows[r] - starts[chunk];
              out[r] = vector.isNull(i) ? Double.NaN : vector.get(i);
            }
            builder.addContinuous(column.name(), out);
          } else {
            @Nullable String[] out = new String[rows.length];
            for (int r = 0; r < rows.length; r++) {
              int chunk = chunkOf(rows[r]);
              VarCharVector vector = chunks.get(chunk).categorical(column.name());
              int i = rows[r] - starts[chunk];
              out[r] = vector.isNull(i) ? null : new String(vector.get(i), StandardCharsets.UTF_8);
            }
            builder.addCategorical(column.name(), out);
          }
        }
        return builder.build();
      }
    }

    private int chunkOf(int row) {
      int low = 0;
      int high = starts.length - 1;
      while (low < high) {
        int mid = (low + high + 1) >>> 1;
        if (starts[mid] <= row) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      return low;
    }
  }

  /** Builds a {@link TiltGenerator}: a generator and fixed targets are required. */
  public static final class Builder {
    private @Nullable GeneratorAdapter adapter;
    private @Nullable Targets targets;
    private @Nullable MetaFeatureRegistry registry;
    private int poolFactor = 20;
    private double tolerance = ShifterConfig.defaults().tolerance();
    private double absoluteTolerance = ShifterConfig.defaults().absoluteTolerance();

    private Builder() {}

    /**
     * Sets the frozen generator whose rows are reweighted.
     *
     * @param value the adapter; it stays the caller's to close
     * @return this builder
     */
    public Builder setAdapter(GeneratorAdapter value) {
      this.adapter = value;
      return this;
    }

    /**
     * Sets the frozen generator from a loaded model.
     *
     * @param value the loaded model; it stays the caller's to close
     * @return this builder
     */
    public Builder setGenerator(LoadedGenerator value) {
      this.adapter = value.adapter();
      return this;
    }

    /**
     * Sets the targets: fixed values only.
     *
     * @param value the targets
     * @return this builder
     */
    public Builder setTargets(Targets value) {
      this.targets = value;
      return this;
    }

    /**
     * Sets the meta-features to measure with (default: the installed ones).
     *
     * @param value the registry
     * @return this builder
     */
    public Builder optRegistry(MetaFeatureRegistry value) {
      this.registry = value;
      return this;
    }

    /**
     * Sets the pool size as a multiple of the rows asked for (default 20).
     *
     * @param value at least 2
     * @return this builder
     */
    public Builder optPoolFactor(int value) {
      this.poolFactor = value;
      return this;
    }

    /**
     * Sets the relative tolerance of the report (default: the Shifter's).
     *
     * @param relative the relative tolerance, positive
     * @return this builder
     */
    public Builder optTolerance(double relative) {
      this.tolerance = relative;
      return this;
    }

    /**
     * Returns the generator, after checking the settings and the targets.
     *
     * @return the generator
     * @throws InvalidInputException if a required value is missing, the targets are a range, a feature has
     *     no moment condition, or a setting is out of range
     */
    public TiltGenerator build() {
      if (adapter == null) {
        throw new InvalidInputException("No generator set. Call setAdapter(adapter) or setGenerator(loaded).");
      }
      if (targets == null) {
        throw new InvalidInputException("No targets set. Call setTargets(Targets.read(file)).");
      }
      if (targets.isRange()) {
        throw new InvalidInputException("The tilt method reweights for fixed targets; give one value per entry "
            + "(a target file, not a range).");
      }
      if (poolFactor < 2) {
        throw new InvalidInputException("The pool factor must be at least 2, got " + poolFactor + ".");
      }
      if (!(tolerance > 0)) {
        throw new InvalidInputException("The tolerance must be positive, got " + tolerance + ".");
      }
      MetaFeatureRegistry features = registry != null ? registry : MetaFeatureRegistry.loadInstalled();
      TargetResolver.resolve(targets.specs(), features, adapter.continuousColumns(), adapter.continuousBounds());
      MomentConditions.requireSupported(targets.specs());
      return new TiltGenerator(this, adapter, targets, features);
    }
  }
}
