package dev.shifter.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.MetaFeatureValues;
import dev.shifter.api.RegisteredMetaFeature;
import dev.shifter.api.Table;
import dev.shifter.commons.Seeds;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/** The plain CTGAN's tables of the benchmarks, and their meta-feature values. */
final class PlainTables {
  private PlainTables() {}

  /**
   * Generates the unshifted CTGAN table with the noise {@code TrainedShifter.generate} draws for the same
   * seed (same latent noise, conditional vectors and decoding noise), so that the shifted and unshifted
   * tables differ only by the shift. The noise streams are those of the Shifter ({@code dev.shifter.commons.Seeds}).
   */
  static Table generate(GeneratorAdapter adapter, BufferAllocator allocator, int rows, long seed) {
    Engine engine = Engine.getInstance();
    try (NDManager scope = NDManager.newBaseManager()) {
      engine.setRandomSeed(Seeds.fold(Seeds.derive(seed, 0)));
      NDArray z = scope.randomNormal(new Shape(rows, adapter.latentDim()));
      NDArray cond = adapter.sampleCondVec(scope, rows);
      engine.setRandomSeed(Seeds.fold(Seeds.derive(seed, 1)));
      return adapter.generate(allocator, z, cond);
    }
  }

  /** The values of the features on a table's continuous columns, by entry label. */
  static Map<String, Double> measure(Table table, List<RegisteredMetaFeature> features) {
    return RealMetaFeatures.labelled(MetaFeatureValues.of(table, features));
  }
}
