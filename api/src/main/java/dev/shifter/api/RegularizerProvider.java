package dev.shifter.api;

import java.util.List;

/**
 * The {@link java.util.ServiceLoader} service through which a plug-in jar contributes regularizers of the
 * Shifter's loss, as {@link MetaFeatureProvider} contributes meta-features. The jar lists its
 * implementation in {@code META-INF/services/dev.shifter.api.RegularizerProvider}; the implementation needs
 * a public no-argument constructor. A training run selects a regularizer by its {@link Regularizer#name()}
 * and gives it a weight.
 */
public interface RegularizerProvider {

  /**
   * Returns a short, stable identifier of this provider, e.g. {@code "acme"}.
   *
   * @return the identifier
   */
  String id();

  /**
   * Returns the regularizers this provider contributes. Their names must be unique across all installed
   * providers and differ from the Shifter's own.
   *
   * @return the regularizers
   */
  List<Regularizer> regularizers();
}
