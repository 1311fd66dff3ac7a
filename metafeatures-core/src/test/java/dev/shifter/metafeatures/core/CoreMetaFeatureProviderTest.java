package dev.shifter.metafeatures.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.Arity;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.RegisteredMetaFeature;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CoreMetaFeatureProviderTest {
  private static final List<String> NAMES = List.of(
      "mean", "median", "iq_range", "sd", "var", "skewness", "kurtosis", "cor", "cov", "gaussian_mi",
      "freq", "attr_ent", "nr_attr", "nr_class", "inst_to_attr", "attr_to_inst", "class_ent", "mut_inf", "class_conc",
      "attr_conc", "eq_num_attr", "ns_ratio", "gravity", "f1", "f2", "tree_depth", "leaves_branch", "nodes_per_attr",
      "leaves_per_class");

  @Test
  void theServiceLoaderFindsTheProviderWithAllTwentyNineFeatures() {
    MetaFeatureRegistry registry = MetaFeatureRegistry.loadInstalled();

    assertThat(registry.problems()).isEmpty();
    assertThat(registry.names()).containsAll(NAMES);
    for (String name : NAMES) {
      RegisteredMetaFeature feature = registry.get(name);
      assertThat(feature.providerId()).as(name).isEqualTo(CoreMetaFeatureProvider.ID);
    }
  }

  @Test
  void everyFeatureHasALowerCaseNameADescriptionAndTheRightArity() {
    List<MetaFeature> features = new CoreMetaFeatureProvider().metaFeatures();
    Map<String, Arity> arities = features.stream().collect(Collectors.toMap(MetaFeature::name, MetaFeature::arity));

    assertThat(features).extracting(MetaFeature::name).containsExactlyElementsOf(NAMES);
    assertThat(features).allSatisfy(f -> {
      assertThat(f.name()).isEqualTo(f.name().toLowerCase(Locale.ROOT));
      assertThat(f.description()).isNotBlank().doesNotContain("\n");
    });
    assertThat(arities).containsEntry("cor", Arity.PER_PAIR).containsEntry("cov", Arity.PER_PAIR)
        .containsEntry("gaussian_mi", Arity.PER_PAIR);
    assertThat(arities.entrySet().stream().filter(e -> e.getValue() == Arity.PER_COLUMN).map(Map.Entry::getKey))
        .containsExactlyInAnyOrder("mean", "median", "iq_range", "sd", "var", "skewness", "kurtosis", "f1");
    assertThat(arities).containsEntry("freq", Arity.PER_CATEGORY).containsEntry("mut_inf", Arity.PER_ATTRIBUTE)
        .containsEntry("class_conc", Arity.PER_ATTRIBUTE).containsEntry("attr_conc", Arity.PER_ORDERED_PAIR)
        .containsEntry("f2", Arity.PER_CLASS_PAIR).containsEntry("class_ent", Arity.SCALAR);
  }

  @Test
  void theShapeCountsAreMeasureOnlyAndTheClassFeaturesNeedTheLabel() {
    List<MetaFeature> features = new CoreMetaFeatureProvider().metaFeatures();

    assertThat(features.stream().filter(MetaFeature::measureOnly).map(MetaFeature::name))
        .containsExactlyInAnyOrder("nr_attr", "nr_class", "inst_to_attr", "attr_to_inst", "tree_depth",
            "leaves_branch", "nodes_per_attr", "leaves_per_class");
    assertThat(features.stream().filter(MetaFeature::needsLabel).map(MetaFeature::name))
        .containsExactlyInAnyOrder("nr_class", "class_ent", "mut_inf", "class_conc", "eq_num_attr", "ns_ratio",
            "gravity", "f1", "f2", "tree_depth", "leaves_branch", "nodes_per_attr", "leaves_per_class");
  }
}
