package dev.shifter.spark.internal;

import dev.shifter.api.Table;
import dev.shifter.ctgan.CtganModel;
import dev.shifter.shift.GeneratorLoaders;
import dev.shifter.shift.LoadedGenerator;
import dev.shifter.shift.ShiftedTable;
import dev.shifter.shift.Targets;
import dev.shifter.shift.TrainedShifter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.spark.TaskContext;
import org.jspecify.annotations.Nullable;

/**
 * The models and Shifters an executor JVM has loaded, kept between tasks: a task borrows one, generates its
 * partition and gives it back, so a JVM loads a model once per task it runs at the same time, not once per
 * task. Shifted generation runs one at a time per JVM: the Shifter draws its noise from the engine's global
 * random generator (seeded per call), which concurrent calls would interleave.
 */
public final class ExecutorModels {
  private static final Map<String, ConcurrentLinkedDeque<PartitionSource>> IDLE = new ConcurrentHashMap<>();
  private static final Object ENGINE_RANDOM = new Object();

  private ExecutorModels() {}

  /**
   * Generates one partition with a model of this JVM's pool, loading one if none is idle.
   *
   * @param spec what to generate
   * @param partition the partition's index
   * @param allocator owns the table
   * @return the partition's table; the caller closes it
   */
  public static Table generate(GenerationSpec spec, int partition, BufferAllocator allocator) {
    ConcurrentLinkedDeque<PartitionSource> idle = IDLE.computeIfAbsent(spec.cacheKey(),
        key -> new ConcurrentLinkedDeque<>());
    PartitionSource source = idle.pollFirst();
    if (source == null) {
      source = load(spec);
    }
    try {
      return source.generate(allocator, spec.plan().rowsOf(partition), spec.plan().seedOf(partition));
    } finally {
      idle.addFirst(source);
    }
  }

  /**
   * Generates one point of a sweep with a range Shifter of this JVM's pool.
   *
   * @param spec the model and the Shifter (its target is ignored)
   * @param target the point's targets
   * @param rows the rows
   * @param seed the point's seed
   * @param allocator owns the table
   * @return the point's table and report; the caller closes the table
   */
  public static ShiftedTable generatePoint(GenerationSpec spec, Targets target, int rows, long seed,
      BufferAllocator allocator) {
    ConcurrentLinkedDeque<PartitionSource> idle = IDLE.computeIfAbsent(spec.cacheKey(),
        key -> new ConcurrentLinkedDeque<>());
    PartitionSource source = idle.pollFirst();
    if (source == null) {
      source = load(spec);
    }
    try {
      if (!(source instanceof ShiftedSource shifted)) {
        throw new IllegalStateException("A sweep needs a Shifter; the plan names none.");
      }
      return shifted.generate(allocator, rows, seed, target);
    } finally {
      idle.addFirst(source);
    }
  }

  /** Closes every idle model of this JVM (a driver in local mode calls it when done). */
  public static void releaseIdle() {
    List<PartitionSource> closing = new ArrayList<>();
    for (ConcurrentLinkedDeque<PartitionSource> idle : IDLE.values()) {
      for (PartitionSource source = idle.pollFirst(); source != null; source = idle.pollFirst()) {
        closing.add(source);
      }
    }
    closing.forEach(PartitionSource::close);
  }

  private static PartitionSource load(GenerationSpec spec) {
    TaskContext task = TaskContext.get();
    EngineSettings.apply(task == null ? 1 : task.cpus());
    String shifterDir = spec.shifterDir();
    if (shifterDir == null) {
      return new PlainSource(CtganModel.load(Path.of(spec.modelDir())));
    }
    LoadedGenerator generator = GeneratorLoaders.load(Path.of(spec.modelDir()));
    try {
      TrainedShifter shifter = TrainedShifter.load(Path.of(shifterDir), generator);
      String json = spec.targetJson();
      return new ShiftedSource(generator, shifter, json == null ? null : Targets.parse(json));
    } catch (RuntimeException e) {
      generator.close();
      throw e;
    }
  }

  /** The unshifted CTGAN. */
  private record PlainSource(CtganModel model) implements PartitionSource {
    @Override
    public Table generate(BufferAllocator allocator, int rows, long seed) {
      return model.sample(allocator, rows, seed);
    }

    @Override
    public void close() {
      model.close();
    }
  }

  /** A trained Shifter and its model. */
  private record ShiftedSource(LoadedGenerator generator, TrainedShifter shifter, @Nullable Targets target)
      implements PartitionSource {
    @Override
    public Table generate(BufferAllocator allocator, int rows, long seed) {
      ShiftedTable shifted;
      synchronized (ENGINE_RANDOM) {
        shifted = target == null ? shifter.generate(allocator, rows, seed)
            : shifter.generate(allocator, rows, seed, target);
      }
      return shifted.table();
    }

    ShiftedTable generate(BufferAllocator allocator, int rows, long seed, Targets point) {
      synchronized (ENGINE_RANDOM) {
        return shifter.generate(allocator, rows, seed, point);
      }
    }

    @Override
    public void close() {
      try {
        shifter.close();
      } finally {
        generator.close();
      }
    }
  }
}
