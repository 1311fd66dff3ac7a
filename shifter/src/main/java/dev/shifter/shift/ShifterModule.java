package dev.shifter.shift;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.MetaLoss;
import dev.shifter.api.PluginRegistry;
import dev.shifter.api.Regularizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Guice bindings for training a Shifter; the command line builds every trainer through them:
 *
 * <ul>
 *   <li>{@link LoadedGenerator}, {@link GeneratorAdapter} and {@link ModelReference}: the generator given to
 *       the builder, or the one {@link GeneratorLoaders} loads from the model directory given (once, when
 *       first needed; whoever takes the {@code LoadedGenerator} from the injector closes it);
 *   <li>{@link ShifterConfig}: the settings given (default {@link ShifterConfig#defaults()});
 *   <li>{@link MetaLoss}: an {@link OptionalBinder} whose default is the loss the settings name, a
 *       built-in one or a plug-in's ({@link Builder#optMetaLossPlugins}); another module replaces it with
 *       {@code OptionalBinder.newOptionalBinder(binder(), MetaLoss.class).setBinding().toInstance(...)};
 *   <li>{@code Set<WeightedRegularizer>}: a {@link Multibinder} holding the built-in regularizers the
 *       settings weight ({@link ShifterTrainer#defaultRegularizers}), then the plug-in regularizers added by
 *       name ({@link Builder#addRegularizer}); another module adds to it with
 *       {@code Multibinder.newSetBinder(binder(), WeightedRegularizer.class).addBinding()};
 *   <li>{@link MetaFeatureRegistry}: an {@link OptionalBinder} defaulting to the installed
 *       meta-features, or the registry given;
 *   <li>{@link ShifterTrainerFactory}, which makes trainers from all of the above.
 * </ul>
 *
 * <pre>{@code
 * Injector injector = ShifterInjection.createInjector(
 *     ShifterModule.builder().setModelDirectory(modelDir).optConfig(ShifterConfig.read(file)).build(),
 *     new MyRegularizersModule());
 * try (LoadedGenerator generator = ShifterInjection.getInstance(injector, LoadedGenerator.class)) {
 *   ShifterTrainer trainer = injector.getInstance(ShifterTrainerFactory.class).create(targets);
 * }
 * }</pre>
 */
public final class ShifterModule extends AbstractModule {
  private final @Nullable LoadedGenerator generator;
  private final @Nullable Path modelDirectory;
  private final ShifterConfig config;
  private final @Nullable MetaFeatureRegistry registry;
  private final MetaLoss metaLoss;
  private final List<WeightedRegularizer> pluginRegularizers;

  private ShifterModule(Builder builder, MetaLoss metaLoss, List<WeightedRegularizer> pluginRegularizers) {
    this.generator = builder.generator;
    this.modelDirectory = builder.modelDirectory;
    this.config = builder.config;
    this.registry = builder.registry;
    this.metaLoss = metaLoss;
    this.pluginRegularizers = List.copyOf(pluginRegularizers);
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
    bind(ShifterConfig.class).toInstance(config);
    OptionalBinder.newOptionalBinder(binder(), MetaLoss.class).setDefault().toInstance(metaLoss);
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
    for (WeightedRegularizer regularizer : pluginRegularizers) {
      regularizers.addBinding().toInstance(regularizer);
    }
    bind(ShifterTrainerFactory.class);
  }

  @Provides
  @Singleton
  LoadedGenerator loadedGenerator() {
    if (generator != null) {
      return generator;
    }
    return GeneratorLoaders.load(Objects.requireNonNull(modelDirectory));
  }

  @Provides
  GeneratorAdapter adapter(LoadedGenerator loaded) {
    return loaded.adapter();
  }

  @Provides
  ModelReference model(LoadedGenerator loaded) {
    return loaded.model();
  }

  /** Builds a {@link ShifterModule}: one of {@code setAdapter}, {@code setGenerator} and {@code setModelDirectory}. */
  public static final class Builder {
    private @Nullable LoadedGenerator generator;
    private @Nullable Path modelDirectory;
    private ModelReference model = ModelReference.unidentified();
    private ShifterConfig config = ShifterConfig.defaults();
    private @Nullable MetaFeatureRegistry registry;
    private PluginRegistry<Regularizer> regularizerPlugins = PluginRegistry.empty("regularizer");
    private PluginRegistry<MetaLoss> metaLossPlugins = PluginRegistry.empty("meta loss");
    private final List<String> pluginNames = new ArrayList<>();
    private final List<Double> pluginWeights = new ArrayList<>();
    private @Nullable GeneratorAdapter adapter;

    private Builder() {}

    /**
     * Sets the frozen generator; the caller keeps and closes it. Its model is unidentified unless
     * {@link #optModel} says.
     *
     * @param value the adapter
     * @return this builder
     */
    public Builder setAdapter(GeneratorAdapter value) {
      adapter = Objects.requireNonNull(value, "adapter");
      generator = null;
      modelDirectory = null;
      return this;
    }

    /**
     * Sets the frozen generator and its model reference from a loaded model; the caller keeps and closes it.
     *
     * @param value the loaded generator
     * @return this builder
     */
    public Builder setGenerator(LoadedGenerator value) {
      generator = Objects.requireNonNull(value, "generator");
      adapter = null;
      modelDirectory = null;
      return this;
    }

    /**
     * Sets the model directory whose generator the injector loads (with {@link GeneratorLoaders#load}) the
     * first time it is needed; whoever takes the {@link LoadedGenerator} from the injector closes it.
     *
     * @param value a directory written by {@code shifter fit} or another installed loader's model
     * @return this builder
     */
    public Builder setModelDirectory(Path value) {
      modelDirectory = Objects.requireNonNull(value, "modelDirectory");
      adapter = null;
      generator = null;
      return this;
    }

    /**
     * Sets the model reference of an adapter given with {@link #setAdapter}.
     *
     * @param value the reference
     * @return this builder
     */
    public Builder optModel(ModelReference value) {
      model = Objects.requireNonNull(value, "model");
      return this;
    }

    /**
     * Sets the settings (default {@link ShifterConfig#defaults()}).
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
     * Sets the plug-in regularizers that {@link #addRegularizer} may name (default: none).
     *
     * @param value the installed plug-in regularizers
     * @return this builder
     */
    public Builder optRegularizerPlugins(PluginRegistry<Regularizer> value) {
      regularizerPlugins = Objects.requireNonNull(value, "regularizerPlugins");
      return this;
    }

    /**
     * Sets the plug-in meta losses that the settings' {@code meta_loss} may name (default: none).
     *
     * @param value the installed plug-in losses
     * @return this builder
     */
    public Builder optMetaLossPlugins(PluginRegistry<MetaLoss> value) {
      metaLossPlugins = Objects.requireNonNull(value, "metaLossPlugins");
      return this;
    }

    /**
     * Adds a plug-in regularizer, by its name, to the loss with this weight. (A built-in regularizer is
     * weighted by its setting instead: {@link Regularizers#setWeight}.)
     *
     * @param name the plug-in regularizer's {@link Regularizer#name()}
     * @param weight its weight, zero or positive
     * @return this builder
     */
    public Builder addRegularizer(String name, double weight) {
      pluginNames.add(Objects.requireNonNull(name, "name"));
      pluginWeights.add(weight);
      return this;
    }

    /**
     * Builds the module, resolving the meta loss and the plug-in regularizers by name.
     *
     * @return the module
     * @throws InvalidInputException if no generator is set, or a name is unknown
     */
    public ShifterModule build() {
      if (adapter != null) {
        generator = new LoadedGenerator(adapter, model, () -> { });
      }
      if (generator == null && modelDirectory == null) {
        throw new InvalidInputException("No generator set. Call setAdapter(adapter), setGenerator(loaded) or "
            + "setModelDirectory(dir).");
      }
      MetaLoss loss = MetaLosses.resolve(config.metaLoss(), metaLossPlugins);
      List<WeightedRegularizer> plugins = new ArrayList<>();
      for (int i = 0; i < pluginNames.size(); i++) {
        String name = pluginNames.get(i);
        if (Regularizers.BUILT_IN_NAMES.contains(name)) {
          throw new InvalidInputException("'" + name + "' is a built-in regularizer: weight it with the setting "
              + Regularizers.lambdaSetting(name) + " instead of adding it.");
        }
        plugins.add(WeightedRegularizer.of(pluginWeights.get(i), Regularizers.plugin(name, regularizerPlugins)));
      }
      return new ShifterModule(this, loss, plugins);
    }
  }
}
