package dev.shifter.api;

import dev.shifter.api.internal.Origins;
import dev.shifter.api.internal.ServiceDiscovery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The meta-features available to this process, by name.
 *
 * <p>{@link #load(ClassLoader)} discovers every {@link MetaFeatureProvider} with {@link ServiceLoader},
 * defensively: a provider whose class is missing, whose constructor throws or whose feature list cannot
 * be read is recorded in {@link #problems()} with the jar it came from, and every other provider still
 * loads. A feature whose name is already taken is rejected the same way, with both jars named; the
 * first one found keeps the name. {@link #of(List)} builds a registry from an explicit list (tests,
 * dependency injection) and throws on any such problem instead.
 */
public final class MetaFeatureRegistry {
  private final Map<String, RegisteredMetaFeature> byName;
  private final List<PluginProblem> problems;

  private MetaFeatureRegistry(Map<String, RegisteredMetaFeature> byName, List<PluginProblem> problems) {
    this.byName = Collections.unmodifiableMap(byName);
    this.problems = List.copyOf(problems);
  }

  /**
   * Discovers the providers visible to the thread's context class loader.
   *
   * @return the registry, with any load failures in {@link #problems()}
   */
  public static MetaFeatureRegistry loadInstalled() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return load(loader != null ? loader : MetaFeatureRegistry.class.getClassLoader());
  }

  /**
   * Discovers the providers visible to {@code loader}.
   *
   * @param loader where to look for {@code META-INF/services/dev.shifter.api.MetaFeatureProvider}
   * @return the registry, with any load failures in {@link #problems()}
   */
  public static MetaFeatureRegistry load(ClassLoader loader) {
    Builder builder = new Builder();
    ServiceDiscovery<MetaFeatureProvider> discovery =
        ServiceDiscovery.load(MetaFeatureProvider.class, loader, "meta-features");
    discovery.problems().forEach(builder::problem);
    for (ServiceDiscovery.Found<MetaFeatureProvider> found : discovery.providers()) {
      builder.addProvider(found.provider(), found.origin());
    }
    return builder.build();
  }

  /**
   * Builds a registry from an explicit list of providers.
   *
   * @param providers the providers, in priority order
   * @return the registry
   * @throws PluginException if a provider fails or two features share a name
   */
  public static MetaFeatureRegistry of(List<? extends MetaFeatureProvider> providers) {
    Builder builder = new Builder();
    for (MetaFeatureProvider provider : providers) {
      builder.addProvider(provider, Origins.of(provider.getClass()));
    }
    MetaFeatureRegistry registry = builder.build();
    if (!registry.problems.isEmpty()) {
      PluginProblem first = registry.problems.get(0);
      throw new PluginException(first.message(), first.cause());
    }
    return registry;
  }

  /**
   * Builds a registry from explicit providers.
   *
   * @param providers the providers, in priority order
   * @return the registry
   * @throws PluginException if a provider fails or two features share a name
   */
  public static MetaFeatureRegistry of(MetaFeatureProvider... providers) {
    return of(List.of(providers));
  }

  /**
   * Returns every registered feature in discovery order.
   *
   * @return the features
   */
  public List<RegisteredMetaFeature> all() {
    return List.copyOf(byName.values());
  }

  /**
   * Returns the names of every registered feature in discovery order.
   *
   * @return the names
   */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /**
   * Looks a feature up by name.
   *
   * @param name the feature's name
   * @return the feature, or empty if none has that name
   */
  public Optional<RegisteredMetaFeature> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Returns the feature with this name.
   *
   * @param name the feature's name
   * @return the feature
   * @throws InvalidInputException if no feature has that name; the message lists the known names
   */
  public RegisteredMetaFeature get(String name) {
    RegisteredMetaFeature feature = byName.get(name);
    if (feature == null) {
      throw new InvalidInputException("Unknown meta-feature '" + name + "'. Known meta-features: "
          + String.join(", ", byName.keySet())
          + ". Add a plug-in jar to use a feature that is not installed.", Remedy.set(Remedy.Setting.PLUGIN_FOLDER));
    }
    return feature;
  }

  /**
   * Returns the features with these names, in the order given.
   *
   * @param names the names
   * @return the features
   * @throws InvalidInputException if a name is unknown
   */
  public List<RegisteredMetaFeature> select(List<String> names) {
    List<RegisteredMetaFeature> selected = new ArrayList<>(names.size());
    for (String name : names) {
      selected.add(get(name));
    }
    return List.copyOf(selected);
  }

  /**
   * Returns the plug-ins that failed to load, each with its jar and the reason.
   *
   * @return the problems, empty when everything loaded
   */
  public List<PluginProblem> problems() {
    return problems;
  }


  /** Collects providers and problems; not thread-safe. */
  private static final class Builder {
    private final Map<String, RegisteredMetaFeature> byName = new LinkedHashMap<>();
    private final List<PluginProblem> problems = new ArrayList<>();

    void problem(PluginProblem problem) {
      problems.add(problem);
    }

    void addProvider(MetaFeatureProvider provider, String origin) {
      String id;
      List<MetaFeature> features;
      try {
        id = provider.id();
        features = List.copyOf(provider.metaFeatures());
      } catch (RuntimeException | LinkageError e) {
        problems.add(new PluginProblem(origin, provider.getClass().getName(),
            "Plug-in provider " + provider.getClass().getName() + " in " + origin
                + " failed to list its meta-features: " + ServiceDiscovery.rootMessage(e)
                + ". Fix the provider or remove the jar; the other meta-features are unaffected.",
            e));
        return;
      }
      for (MetaFeature feature : features) {
        String name;
        try {
          name = feature.name();
          feature.arity();
        } catch (RuntimeException | LinkageError e) {
          problems.add(new PluginProblem(origin, id,
              "A meta-feature of provider '" + id + "' in " + origin + " cannot report its name or arity: "
                  + ServiceDiscovery.rootMessage(e) + ". Fix the provider or remove the jar.",
              e));
          continue;
        }
        RegisteredMetaFeature existing = byName.get(name);
        if (existing != null) {
          problems.add(new PluginProblem(origin, id,
              "Meta-feature name '" + name + "' is defined twice: by provider '" + existing.providerId() + "' in "
                  + existing.origin() + " and by provider '" + id + "' in " + origin + ". The first one is used; "
                  + "rename one of them or remove one jar.",
              null));
          continue;
        }
        byName.put(name, new RegisteredMetaFeature(feature, id, origin));
      }
    }

    MetaFeatureRegistry build() {
      return new MetaFeatureRegistry(byName, problems);
    }
  }
}
