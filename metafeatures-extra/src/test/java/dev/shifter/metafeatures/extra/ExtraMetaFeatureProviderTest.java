package dev.shifter.metafeatures.extra;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.Arity;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.RegisteredMetaFeature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtraMetaFeatureProviderTest {
  private static final List<String> NAMES = List.of("range", "min", "max", "t_mean", "mad", "g_mean", "h_mean",
      "eigenvalues", "nr_cor_attr", "nr_outliers", "sparsity");
  private static final List<String> CORE_NAMES = List.of("mean", "median", "iq_range", "sd", "var", "skewness",
      "kurtosis", "cor", "cov", "gaussian_mi", "coef_var");

  @Test
  void serviceLoaderFindsTheProviderWithAllItsFeatures() {
    MetaFeatureRegistry registry = MetaFeatureRegistry.loadInstalled();

    assertThat(registry.problems()).isEmpty();
    assertThat(registry.names()).containsAll(NAMES);
    assertThat(registry.all()).filteredOn(f -> f.providerId().equals(ExtraMetaFeatureProvider.ID))
        .extracting(RegisteredMetaFeature::name).containsExactlyElementsOf(NAMES);
  }

  @Test
  void namesAreLowerCaseUniqueAndDoNotClashWithTheCoreFeatures() {
    List<String> names = new ExtraMetaFeatureProvider().metaFeatures().stream().map(MetaFeature::name).toList();

    assertThat(names).doesNotHaveDuplicates().doesNotContainAnyElementsOf(CORE_NAMES)
        .allSatisfy(n -> assertThat(n).matches("[a-z_]+"));
    assertThat(new ExtraMetaFeatureProvider().metaFeatures()).allSatisfy(
        f -> assertThat(f.description()).isNotBlank().doesNotContain("\n"));
  }

  @Test
  void everyFeatureReturnsTheLengthItsArityPromisesThroughTheRegistry() {
    Map<String, Arity> arities = Map.of("eigenvalues", Arity.PER_COLUMN, "nr_cor_attr", Arity.SCALAR,
        "nr_outliers", Arity.SCALAR, "sparsity", Arity.PER_COLUMN);
    MetaFeatureRegistry registry = MetaFeatureRegistry.of(new ExtraMetaFeatureProvider());
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.randomNormal(new Shape(30, 4)).toType(DataType.FLOAT32, false);
      for (RegisteredMetaFeature feature : registry.all()) {
        Arity arity = feature.feature().arity();
        assertThat(arity).as(feature.name()).isEqualTo(arities.getOrDefault(feature.name(), Arity.PER_COLUMN));
        try (NDArray out = feature.compute(x)) {
          assertThat(out.getShape()).as(feature.name()).isEqualTo(new Shape(arity.outputLength(4)));
          assertThat(out.getDataType()).isEqualTo(DataType.FLOAT32);
          assertThat(out.getManager()).as(feature.name() + " result's manager").isSameAs(manager);
        }
      }
    }
  }
}
