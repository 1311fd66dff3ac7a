package dev.shifter.metafeatures.core;

import dev.shifter.api.MetaFeature;
import dev.shifter.api.MetaFeatureProvider;
import java.util.List;

/**
 * Provides Shifter's ten built-in meta-features under the id {@value #ID}: {@code mean}, {@code median},
 * {@code iq_range}, {@code sd}, {@code var}, {@code skewness}, {@code kurtosis} (one value per column)
 * and {@code cor}, {@code cov}, {@code gaussian_mi} (one value per pair of columns). Registered for
 * {@link java.util.ServiceLoader} in {@code META-INF/services/dev.shifter.api.MetaFeatureProvider}.
 */
public final class CoreMetaFeatureProvider implements MetaFeatureProvider {
  /** The provider id, {@value}. */
  public static final String ID = "core";

  private static final List<MetaFeature> FEATURES = List.of(
      new Mean(), new Median(), new IqRange(), new StandardDeviation(), new Variance(),
      new Skewness(), new Kurtosis(), new Correlation(), new Covariance(), new GaussianMutualInformation(),
      new Freq(), new AttributeEntropy(), new NrAttr(), new NrClass(), new InstToAttr(), new AttrToInst(),
      new ClassEntropy(),
      new MutualInformation(), new ClassConcentration(), new AttributeConcentration(), new EquivalentAttributes(),
      new NoiseSignalRatio(), new Gravity(), new FisherRatio(), new OverlapVolume(), new TreeDepth(),
      new LeavesBranch(), new NodesPerAttr(), new LeavesPerClass());

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public CoreMetaFeatureProvider() {
    // stateless
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<MetaFeature> metaFeatures() {
    return FEATURES;
  }
}
