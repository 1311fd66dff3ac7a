package dev.shifter.shift;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.MetaLoss;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Guice bindings for training a Shifter:
 *
 * <ul>
 *   <li>{@link GeneratorAdapter} and {@link ModelReference}: the generator given to the builder;
 *   <li>{@link ShifterConfig}: the settings given (default {@link ShifterConfig#defaults()});
 *   <li>{@link MetaLoss}: an {@link OptionalBinder} whose default is the loss the settings name;
 *       another module replaces it with {@code OptionalBinder.newOptionalBinder(binder(),
 *       MetaLoss.class).setBinding().toInstance(...)};
 *   <li>{@code Set<WeightedRegularizer>}: a {@link Multibinder} holding the latent regularizer (weight
 *       {@code lambdaZ}), the feature-space regularizer (weight {@code lambdaX}) and, when
 *       {@code lambdaCritic > 0}, the critic regularizer ({@link Regularizers#critic()}); another module adds
 *       to it with {@code Multibinder.newSetBinder(binder(), WeightedRegularizer.class).addBinding()};
 *   <li>{@link MetaFeatureRegistry}: an {@link OptionalBinder} defaulting to the installed
 *       meta-features, or the registry given;
 *   <li>{@link ShifterTrainerFactory}, which makes trainers from all of the above.
 * </ul>
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *     ShifterModule.builder().setGenerator(loaded).optConfig(ShifterConfig.read(file)).build(),
 *     new MyRegularizersModule());
 * ShifterTrainer trainer = injector.getInstance(ShifterTrainerFactory.class).create(targets);
 * }</pre>
 */
public final class ShifterModule extends AbstractModule {
  private final GeneratorAdapter adapter;
  private final ModelReference model;
  private final ShifterConfig config;
  private final @Nullable MetaFeatureRegistry registry;

  private ShifterModule(Builder builder, GeneratorAdapter adapter) {
    this.adapter = adapter;
    this.model = builder.model;
    this.config = builder.config;
    this.registry = builder.registry;
  }

  /**
   * Starts a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected void configure() {
    bind(GeneratorAdapter.class).toInstance(adapter);
    bind(ModelReference.class).toInstance(model);
    bind(ShifterConfig.class).toInstance(config);
    OptionalBinder.newOptionalBinder(binder(), MetaLoss.class).setDefault()
        .toInstance(MetaLosses.byName(config.metaLoss()));
    OptionalBinder<MetaFeatureRegistry> features = OptionalBinder.newOptionalBinder(binder(), MetaFeatureRegistry.class);
    if (registry != null) {
      features.setDefault().toInstance(registry);
    } else {
      features.setDefault().toProvider(MetaFeatureRegistry::loadInstalled);
    }
    Multibinder<WeightedRegularizer> regularizers = Multibinder.newSetBinder(binder(), WeightedRegularizer.class);
    for (WeightedRegularizer regularizer : ShifterTrainer.defaultRegularizers(config)) {
      regularizers.addBinding().toInstance(regularizer);
    }
    bind(ShifterTrainerFactory.class);
  }

  /** Builds a {@link ShifterModule}; a generator is required. */
  public static final class Builder {
    private @Nullable GeneratorAdapter adapter;
    private ModelReference model = ModelReference.unidentified();
    private ShifterConfig config = ShifterConfig.defaults();
    private @Nullable MetaFeatureRegistry registry;

    private Builder() {}

    /**
     * Sets the generator by its adapter; its model is unidentified unless {@link #optModel} says.
     *
     * @param value the adapter
     * @return this builder
     */
    public Builder setAdapter(GeneratorAdapter value) {
      adapter = Objects.requireNonNull(value, "adapter");
      return this;
    }

    /**
     * Sets the generator from a loaded model (adapter and reference).
     *
     * @param value the loaded generator; the caller still closes it
     * @return this builder
     */
    public Builder setGenerator(LoadedGenerator value) {
      adapter = value.adapter();
      model = value.model();
      return this;
    }

    /**
     * Sets the adapter's model reference.
     *
     * @param value the reference
     * @return this builder
     */
    public Builder optModel(ModelReference value) {
      model = Objects.requireNonNull(value, "model");
      return this;
    }

    /**
     * Sets the settings.
     *
     * @param value the settings
     * @return this builder
     */
    public Builder optConfig(ShifterConfig value) {
      config = Objects.requireNonNull(value, "config");
      return this;
    }

    /**
     * Sets the meta-features (default: the installed ones).
     *
     * @param value the registry
     * @return this builder
     */
    public Builder optRegistry(MetaFeatureRegistry value) {
      registry = Objects.requireNonNull(value, "registry");
      return this;
    }

    /**
     * Builds the module.
     *
     * @return the module
     * @throws InvalidInputException if no generator was set
     */
    public ShifterModule build() {
      if (adapter == null) {
        throw new InvalidInputException("No generator set. Call setAdapter(adapter) or setGenerator(loaded).");
      }
      return new ShifterModule(this, adapter);
    }
  }
}
