package dev.shifter.api;

import java.util.List;

/**
 * The {@link java.util.ServiceLoader} service through which a plug-in jar contributes meta losses (the
 * error between reached and target meta-features), listed in
 * {@code META-INF/services/dev.shifter.api.MetaLossProvider}; the implementation needs a public
 * no-argument constructor. A training run selects a loss by its {@link MetaLoss#name()}.
 */
public interface MetaLossProvider {

  /**
   * Returns a short, stable identifier of this provider, e.g. {@code "acme"}.
   *
   * @return the identifier
   */
  String id();

  /**
   * Returns the meta losses this provider contributes. Their names must be unique across all installed
   * providers and differ from the Shifter's own ({@code mse}, {@code huber}, {@code relative}).
   *
   * @return the losses
   */
  List<MetaLoss> metaLosses();
}
