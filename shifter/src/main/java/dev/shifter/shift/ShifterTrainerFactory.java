package dev.shifter.shift;

import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.MetaLoss;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Makes {@link ShifterTrainer}s from what an injector binds ({@link ShifterModule}): the adapter and
 * its model reference, the settings, the meta loss, the set of weighted regularizers and the
 * meta-features. Only the targets (and per-run options) are left to the caller.
 */
public final class ShifterTrainerFactory {
  private final GeneratorAdapter adapter;
  private final ModelReference model;
  private final ShifterConfig config;
  private final MetaLoss metaLoss;
  private final List<WeightedRegularizer> regularizers;
  private final MetaFeatureRegistry registry;

  /**
   * Creates the factory; Guice calls this.
   *
   * @param adapter the frozen generator
   * @param model its model's reference
   * @param config the settings
   * @param metaLoss the meta loss
   * @param regularizers the weighted regularizers
   * @param registry the meta-features
   */
  @Inject
  public ShifterTrainerFactory(GeneratorAdapter adapter, ModelReference model, ShifterConfig config,
      MetaLoss metaLoss, Set<WeightedRegularizer> regularizers, MetaFeatureRegistry registry) {
    this.adapter = adapter;
    this.model = model;
    this.config = config;
    this.metaLoss = metaLoss;
    this.regularizers = List.copyOf(regularizers);
    this.registry = registry;
  }

  /**
   * Returns a builder with everything bound already set; add the targets and, if wanted, a listener
   * or an output directory.
   *
   * @return the builder
   */
  public ShifterTrainer.Builder builder() {
    return ShifterTrainer.builder().setAdapter(adapter).optModel(model).optConfig(config).optMetaLoss(metaLoss)
        .optRegularizers(regularizers).optRegistry(registry);
  }

  /**
   * Creates a trainer for targets.
   *
   * @param targets the targets or range
   * @return the trainer
   */
  public ShifterTrainer create(Targets targets) {
    return builder().setTargets(targets).build();
  }
}
