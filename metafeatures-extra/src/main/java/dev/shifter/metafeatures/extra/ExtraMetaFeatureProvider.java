package dev.shifter.metafeatures.extra;

import dev.shifter.api.MetaFeature;
import dev.shifter.api.MetaFeatureProvider;
import java.util.List;

/**
 * The plug-in's provider, id {@value #ID}, registered in
 * {@code META-INF/services/dev.shifter.api.MetaFeatureProvider}. It contributes eleven pymfe
 * meta-features whose names do not clash with the core ones: {@code range}, {@code min}, {@code max},
 * {@code t_mean}, {@code mad}, {@code g_mean}, {@code h_mean}, {@code eigenvalues} (exact, up to the
 * documented handling of non-positive values and degenerate input) and {@code nr_cor_attr},
 * {@code nr_outliers}, {@code sparsity} (smooth versions of counts, at their default temperatures; construct
 * the feature classes directly for other temperatures). {@code attr_ent} moved to the core features, where it
 * covers categorical attributes too.
 */
public final class ExtraMetaFeatureProvider implements MetaFeatureProvider {
  /** The provider's id. */
  public static final String ID = "extra";

  /** Creates the provider; {@link java.util.ServiceLoader} needs this public no-argument constructor. */
  public ExtraMetaFeatureProvider() {
    // Stateless.
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<MetaFeature> metaFeatures() {
    return List.of(
        new ColumnRange(),
        new ColumnMin(),
        new ColumnMax(),
        new TrimmedMean(),
        new MedianAbsoluteDeviation(),
        new GeometricMean(),
        new HarmonicMean(),
        new CovarianceEigenvalues(),
        new CorrelatedPairFraction(),
        new OutlierColumnCount(),
        new Sparsity());
  }
}
