package dev.shifter.api;

import java.util.List;

/**
 * The {@link java.util.ServiceLoader} service through which meta-features are discovered. A plug-in jar
 * lists its implementation in {@code META-INF/services/dev.shifter.api.MetaFeatureProvider}; the
 * implementation needs a public no-argument constructor.
 */
public interface MetaFeatureProvider {

  /**
   * Returns a short, stable identifier of this provider, e.g. {@code "core"}.
   *
   * @return the identifier
   */
  String id();

  /**
   * Returns the meta-features this provider contributes. Their names must be unique across all
   * installed providers.
   *
   * @return the features
   */
  List<MetaFeature> metaFeatures();
}
