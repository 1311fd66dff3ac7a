package dev.shifter.api;

import dev.shifter.api.internal.Origins;
import dev.shifter.api.internal.ServiceDiscovery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The regularizers or the meta losses that plug-in jars contribute ({@link RegularizerProvider},
 * {@link MetaLossProvider}), by name. Loading is defensive, as for {@link MetaFeatureRegistry}: a broken jar
 * or a provider that fails becomes a {@link PluginProblem} naming the jar, a name defined twice names both
 * jars and keeps the first, and the others still load.
 *
 * @param <T> {@link Regularizer} or {@link MetaLoss}
 */
public final class PluginRegistry<T> {
  private final String kind;
  private final Map<String, RegisteredPlugin<T>> byName;
  private final List<String> names;
  private final List<PluginProblem> problems;

  private PluginRegistry(String kind, Map<String, RegisteredPlugin<T>> byName, List<PluginProblem> problems) {
    this.kind = kind;
    this.byName = Map.copyOf(byName);
    this.names = List.copyOf(byName.keySet());
    this.problems = List.copyOf(problems);
  }

  /**
   * Discovers the regularizer providers visible to {@code loader}.
   *
   * @param loader where to look for {@code META-INF/services/dev.shifter.api.RegularizerProvider}
   * @return the registry, with any load failures in {@link #problems()}
   */
  public static PluginRegistry<Regularizer> regularizers(ClassLoader loader) {
    return load(RegularizerProvider.class, loader, "regularizer", RegularizerProvider::id,
        RegularizerProvider::regularizers, Regularizer::name);
  }

  /**
   * Discovers the meta-loss providers visible to {@code loader}.
   *
   * @param loader where to look for {@code META-INF/services/dev.shifter.api.MetaLossProvider}
   * @return the registry, with any load failures in {@link #problems()}
   */
  public static PluginRegistry<MetaLoss> metaLosses(ClassLoader loader) {
    return load(MetaLossProvider.class, loader, "meta loss", MetaLossProvider::id, MetaLossProvider::metaLosses,
        MetaLoss::name);
  }

  /**
   * Builds a registry of regularizers from explicit providers (for tests and dependency injection).
   *
   * @param providers the providers, in priority order
   * @return the registry, with any failures in {@link #problems()}
   */
  public static PluginRegistry<Regularizer> ofRegularizers(List<? extends RegularizerProvider> providers) {
    Collector<Regularizer> collector = new Collector<>("regularizer");
    for (RegularizerProvider provider : providers) {
      collector.add(provider, Origins.of(provider.getClass()), RegularizerProvider::id,
          RegularizerProvider::regularizers, Regularizer::name);
    }
    return collector.build();
  }

  /**
   * Builds a registry of meta losses from explicit providers (for tests and dependency injection).
   *
   * @param providers the providers, in priority order
   * @return the registry, with any failures in {@link #problems()}
   */
  public static PluginRegistry<MetaLoss> ofMetaLosses(List<? extends MetaLossProvider> providers) {
    Collector<MetaLoss> collector = new Collector<>("meta loss");
    for (MetaLossProvider provider : providers) {
      collector.add(provider, Origins.of(provider.getClass()), MetaLossProvider::id, MetaLossProvider::metaLosses,
          MetaLoss::name);
    }
    return collector.build();
  }

  /**
   * Returns an empty registry.
   *
   * @param <T> {@link Regularizer} or {@link MetaLoss}
   * @param kind what it would hold, for messages, e.g. {@code "regularizer"}
   * @return the registry
   */
  public static <T> PluginRegistry<T> empty(String kind) {
    return new PluginRegistry<>(kind, Map.of(), List.of());
  }

  private static <P, T> PluginRegistry<T> load(Class<P> service, ClassLoader loader, String kind,
      Function<P, String> id, Function<P, List<T>> values, Function<T, String> name) {
    ServiceDiscovery<P> discovery = ServiceDiscovery.load(service, loader, kind + " plug-ins");
    Collector<T> collector = new Collector<>(kind);
    collector.problems.addAll(discovery.problems());
    for (ServiceDiscovery.Found<P> found : discovery.providers()) {
      collector.add(found.provider(), found.origin(), id, values, name);
    }
    return collector.build();
  }

  /**
   * Returns what the registry holds, for messages: {@code "regularizer"} or {@code "meta loss"}.
   *
   * @return the kind
   */
  public String kind() {
    return kind;
  }

  /**
   * Returns every registered value in discovery order.
   *
   * @return the values with their names and origins
   */
  public List<RegisteredPlugin<T>> all() {
    return names.stream().map(byName::get).toList();
  }

  /**
   * Returns the registered names in discovery order.
   *
   * @return the names
   */
  public List<String> names() {
    return names;
  }

  /**
   * Looks a value up by name.
   *
   * @param name the name
   * @return the registered value, if any
   */
  public Optional<RegisteredPlugin<T>> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Returns what could not be loaded.
   *
   * @return the problems, in discovery order
   */
  public List<PluginProblem> problems() {
    return problems;
  }

  /** Collects values and problems; not thread-safe. */
  private static final class Collector<T> {
    private final String kind;
    private final Map<String, RegisteredPlugin<T>> byName = new LinkedHashMap<>();
    private final List<PluginProblem> problems = new ArrayList<>();

    Collector(String kind) {
      this.kind = kind;
    }

    private String plural() {
      return kind.endsWith("s") ? kind + "es" : kind + "s";
    }

    <P> void add(P provider, String origin, Function<P, String> idOf, Function<P, List<T>> valuesOf,
        Function<T, String> nameOf) {
      String id;
      List<T> values;
      try {
        id = idOf.apply(provider);
        values = List.copyOf(valuesOf.apply(provider));
      } catch (RuntimeException | LinkageError e) {
        problems.add(new PluginProblem(origin, provider.getClass().getName(), "Plug-in provider "
            + provider.getClass().getName() + " in " + origin + " failed to list its " + plural() + ": "
            + ServiceDiscovery.rootMessage(e) + ". Fix the provider or remove the jar; the other " + plural()
            + " are unaffected.", e));
        return;
      }
      for (T value : values) {
        String name;
        try {
          name = nameOf.apply(value);
        } catch (RuntimeException | LinkageError e) {
          problems.add(new PluginProblem(origin, id, "A " + kind + " of provider '" + id + "' in " + origin
              + " cannot report its name: " + ServiceDiscovery.rootMessage(e) + ". Fix the provider or remove the "
              + "jar.", e));
          continue;
        }
        RegisteredPlugin<T> existing = byName.get(name);
        if (existing != null) {
          problems.add(new PluginProblem(origin, id, "The " + kind + " name '" + name + "' is defined twice: by "
              + "provider '" + existing.providerId() + "' in " + existing.origin() + " and by provider '" + id
              + "' in " + origin + ". The first one is used; rename one of them or remove one jar.", null));
          continue;
        }
        byName.put(name, new RegisteredPlugin<>(name, value, id, origin));
      }
    }

    PluginRegistry<T> build() {
      return new PluginRegistry<>(kind, byName, problems);
    }
  }
}
