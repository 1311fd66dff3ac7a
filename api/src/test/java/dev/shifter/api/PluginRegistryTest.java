package dev.shifter.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.fixtures.AbsoluteLossProvider;
import dev.shifter.api.fixtures.FailingListProvider;
import dev.shifter.api.fixtures.OtherShiftSizeProvider;
import dev.shifter.api.fixtures.ShiftSizeProvider;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {
  @TempDir Path plugins;

  @Test
  void aRegularizerNameDefinedTwiceNamesBothJarsAndKeepsTheFirst() throws IOException {
    Path first = PluginJars.write(plugins, "a-sizes.jar", RegularizerProvider.class,
        List.of(ShiftSizeProvider.class), List.of(ShiftSizeProvider.class.getName()));
    Path second = PluginJars.write(plugins, "b-sizes.jar", RegularizerProvider.class,
        List.of(OtherShiftSizeProvider.class), List.of(OtherShiftSizeProvider.class.getName()));

    try (URLClassLoader loader = PluginJars.load(List.of(first, second))) {
      PluginRegistry<Regularizer> registry = PluginRegistry.regularizers(loader);

      assertThat(registry.names()).containsExactly("shift_size");
      RegisteredPlugin<Regularizer> kept = registry.find("shift_size").orElseThrow();
      assertThat(kept.providerId()).isEqualTo("sizes");
      assertThat(kept.origin()).endsWith("a-sizes.jar");
      assertThat(registry.problems()).singleElement().satisfies(p -> assertThat(p.message())
          .contains("regularizer name 'shift_size' is defined twice").contains("a-sizes.jar").contains("b-sizes.jar"));
    }
  }

  @Test
  void aBrokenJarIsNamedWhileTheOtherLossesLoad() throws IOException {
    Path missing = PluginJars.write(plugins, "missing.jar", MetaLossProvider.class, List.of(),
        List.of("dev.shifter.api.fixtures.NoSuchLossProvider"));
    Path failing = PluginJars.write(plugins, "failing.jar", MetaLossProvider.class,
        List.of(FailingListProvider.class), List.of(FailingListProvider.class.getName()));
    Path good = PluginJars.write(plugins, "absolute.jar", MetaLossProvider.class,
        List.of(AbsoluteLossProvider.class), List.of(AbsoluteLossProvider.class.getName()));

    try (URLClassLoader loader = PluginJars.load(List.of(missing, failing, good))) {
      PluginRegistry<MetaLoss> registry = PluginRegistry.metaLosses(loader);

      assertThat(registry.names()).containsExactly("absolute");
      assertThat(registry.find("absolute").orElseThrow().origin()).endsWith("absolute.jar");
      assertThat(registry.problems()).hasSize(2);
      assertThat(registry.problems()).anySatisfy(p -> assertThat(p.message())
          .contains("NoSuchLossProvider").contains("missing.jar"));
      assertThat(registry.problems()).anySatisfy(p -> assertThat(p.message())
          .contains("failing.jar").contains("failed to list its meta losses").contains("no losses today"));
    }
  }

  @Test
  void theRegularizersOfExplicitProvidersKeepTheirOrder() {
    PluginRegistry<Regularizer> registry = PluginRegistry.ofRegularizers(List.of(new ShiftSizeProvider()));

    assertThat(registry.all()).extracting(RegisteredPlugin::name).containsExactly("shift_size");
    assertThat(registry.find("absent")).isEmpty();
    assertThat(PluginRegistry.<Regularizer>empty("regularizer").names()).isEmpty();
  }
}
