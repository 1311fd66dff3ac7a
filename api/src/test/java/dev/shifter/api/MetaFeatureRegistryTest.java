package dev.shifter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.shifter.api.fixtures.ColumnMeanFeature;
import dev.shifter.api.fixtures.DuplicateNameProvider;
import dev.shifter.api.fixtures.GoodProvider;
import dev.shifter.api.fixtures.ThrowingConstructorProvider;
import dev.shifter.api.fixtures.WrongLengthProvider;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaFeatureRegistryTest {
  @TempDir Path plugins;

  @Test
  void brokenPluginJarsAreReportedByNameWhileTheOthersLoadAndCompute() throws IOException {
    Path good = PluginJars.write(plugins, "good.jar",
        List.of(GoodProvider.class, ColumnMeanFeature.class), List.of(GoodProvider.class.getName()));
    Path missing = PluginJars.write(plugins, "missing-class.jar",
        List.of(), List.of("dev.shifter.api.fixtures.NoSuchProvider"));
    Path throwing = PluginJars.write(plugins, "throwing.jar",
        List.of(ThrowingConstructorProvider.class), List.of(ThrowingConstructorProvider.class.getName()));
    Path wrong = PluginJars.write(plugins, "wrong-length.jar",
        List.of(WrongLengthProvider.class), List.of(WrongLengthProvider.class.getName()));

    try (URLClassLoader loader = PluginJars.load(List.of(missing, good, throwing, wrong));
        NDManager manager = NDManager.newBaseManager()) {
      MetaFeatureRegistry registry = MetaFeatureRegistry.load(loader);

      assertThat(registry.names()).containsExactlyInAnyOrder("good_mean", "wrong_length");
      assertThat(registry.problems()).hasSize(2);
      assertThat(registry.problems()).anySatisfy(p -> {
        assertThat(p.origin()).endsWith("missing-class.jar");
        assertThat(p.message()).contains("dev.shifter.api.fixtures.NoSuchProvider").contains("missing-class.jar");
      });
      assertThat(registry.problems()).anySatisfy(p -> {
        assertThat(p.origin()).endsWith("throwing.jar");
        assertThat(p.message()).contains("ThrowingConstructorProvider").contains("configuration file not found");
      });

      NDArray x = manager.create(new float[] {1, 2, 3, 5}, new Shape(2, 2));
      assertThat(registry.get("good_mean").compute(x).toFloatArray()).containsExactly(2f, 3.5f);
      assertThatThrownBy(() -> registry.get("wrong_length").compute(x))
          .isInstanceOf(PluginException.class)
          .hasMessageContaining("wrong_length")
          .hasMessageContaining("wrong-length.jar")
          .hasMessageContaining("length 2");
    }
  }

  @Test
  void aDuplicateNameIsRejectedWithBothJarsNamed() throws IOException {
    Path first = PluginJars.write(plugins, "first.jar",
        List.of(GoodProvider.class, ColumnMeanFeature.class), List.of(GoodProvider.class.getName()));
    Path second = PluginJars.write(plugins, "second.jar",
        List.of(DuplicateNameProvider.class, ColumnMeanFeature.class), List.of(DuplicateNameProvider.class.getName()));

    try (URLClassLoader loader = PluginJars.load(List.of(first, second))) {
      MetaFeatureRegistry registry = MetaFeatureRegistry.load(loader);

      assertThat(registry.names()).containsExactly("good_mean");
      assertThat(registry.get("good_mean").origin()).endsWith("first.jar");
      assertThat(registry.problems()).singleElement().satisfies(p -> assertThat(p.message())
          .contains("'good_mean' is defined twice").contains("first.jar").contains("second.jar"));
    }
  }

  @Test
  void anExplicitListWithADuplicateNameIsRefused() {
    assertThatThrownBy(() -> MetaFeatureRegistry.of(new GoodProvider(), new DuplicateNameProvider()))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("defined twice");
  }

  @Test
  void anUnknownNameIsAnsweredWithTheKnownNames() {
    MetaFeatureRegistry registry = MetaFeatureRegistry.of(new GoodProvider(), new WrongLengthProvider());

    assertThatThrownBy(() -> registry.get("skewnes"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Unknown meta-feature 'skewnes'")
        .hasMessageContaining("good_mean, wrong_length");
  }

  @Test
  void computeRefusesAMatrixThatIsNotTwoDimensionalFloat32() {
    MetaFeatureRegistry registry = MetaFeatureRegistry.of(new GoodProvider());
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> registry.get("good_mean").compute(manager.create(new float[] {1, 2})))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("n x d matrix");
      assertThatThrownBy(() -> registry.get("good_mean").compute(manager.create(new double[][] {{1, 2}})))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("float32");
    }
  }

  @Test
  void pairLabelsFollowTheDocumentedOrder() {
    assertThat(Arity.PER_PAIR.labels(List.of("a", "b", "c"))).containsExactly("a~b", "a~c", "b~c");
    assertThat(Arity.PER_PAIR.outputLength(4)).isEqualTo(6);
    assertThat(Arity.SCALAR.labels(List.of("a", "b"))).containsExactly("value");
  }
}
