package dev.shifter.shift.internal;

import dev.shifter.api.PluginException;
import dev.shifter.api.RegisteredMetaFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks that the meta-features installed now are the ones a Shifter was trained with: another
 * provider of the same name is refused (its values differ, so the Shifter's shift no longer fits), and
 * another build of the same plug-in's jar is reported. The built-in providers are compared by id only:
 * their jars are rebuilt with Shifter itself.
 */
public final class FeatureSources {
  private static final Set<String> BUILT_IN = Set.of("core", "extra");

  private FeatureSources() {}

  /**
   * Lists the sources of the features that targets use.
   *
   * @param resolved the resolved targets
   * @return one source per feature
   */
  public static List<FeatureSource> of(ResolvedTargets resolved) {
    return resolved.features().stream().map(FeatureSource::of).toList();
  }

  /**
   * Compares the recorded sources with the features resolved now.
   *
   * @param dir the Shifter directory, for messages
   * @param recorded the sources in the manifest, or {@code null} for directories written before they
   *     were recorded
   * @param used the features the targets use now, as installed
   * @return warnings, one per feature whose plug-in jar changed
   * @throws PluginException if a feature now comes from another provider
   */
  public static List<String> check(String dir, @Nullable List<FeatureSource> recorded,
      List<RegisteredMetaFeature> used) {
    List<String> warnings = new ArrayList<>();
    if (recorded == null) {
      return warnings;
    }
    for (RegisteredMetaFeature feature : used) {
      Optional<FeatureSource> then = recorded.stream().filter(s -> s.name().equals(feature.name())).findFirst();
      if (then.isEmpty()) {
        continue;
      }
      FeatureSource trained = then.get();
      FeatureSource now = FeatureSource.of(feature);
      if (!trained.provider().equals(now.provider())) {
        throw new PluginException("The Shifter in " + dir + " was trained with the meta-feature '" + feature.name()
            + "' of the provider '" + trained.provider() + "' (" + trained.originName() + "), but '" + feature.name()
            + "' now comes from the provider '" + now.provider() + "' (" + now.originName() + "), whose values differ. "
            + "Generate with the plug-in it was trained with on the plug-in path, or train the Shifter again.");
      }
      if (!BUILT_IN.contains(now.provider()) && !trained.sha256().isEmpty() && !now.sha256().isEmpty()
          && !trained.sha256().equals(now.sha256())) {
        warnings.add("the meta-feature '" + feature.name() + "' comes from another build of the plug-in '"
            + now.provider() + "' than the Shifter in " + dir + " was trained with (" + now.originName() + ", SHA-256 "
            + now.sha256().substring(0, 12) + " now, " + trained.sha256().substring(0, 12) + " then). If its values "
            + "changed, the targets will be missed: train the Shifter again with this jar.");
      }
    }
    return warnings;
  }
}
