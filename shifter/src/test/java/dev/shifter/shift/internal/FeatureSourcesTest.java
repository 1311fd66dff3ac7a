package dev.shifter.shift.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import dev.shifter.api.Arity;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.PluginException;
import dev.shifter.api.RegisteredMetaFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureSourcesTest {
  @TempDir
  Path dir;

  private static final MetaFeature MEAN = new MetaFeature() {
    @Override
    public String name() {
      return "third_mean";
    }

    @Override
    public Arity arity() {
      return Arity.PER_COLUMN;
    }

    @Override
    public String description() {
      return "a plug-in's mean";
    }

    @Override
    public NDArray compute(NDArray x) {
      return x.mean(new int[] {0});
    }
  };

  @Test
  void anotherBuildOfAThirdPartyJarIsReportedAndTheSameJarIsNot() throws IOException {
    Path first = Files.writeString(dir.resolve("third-1.jar"), "build one");
    Path second = Files.writeString(dir.resolve("third-2.jar"), "build two");
    RegisteredMetaFeature trained = new RegisteredMetaFeature(MEAN, "third", first.toString());
    RegisteredMetaFeature rebuilt = new RegisteredMetaFeature(MEAN, "third", second.toString());
    List<FeatureSource> recorded = List.of(FeatureSource.of(trained));

    assertThat(FeatureSources.check("s", recorded, List.of(trained))).isEmpty();
    assertThat(FeatureSources.check("s", recorded, List.of(rebuilt))).singleElement().asString()
        .contains("another build of the plug-in 'third'").contains("third-2.jar");
  }

  @Test
  void anotherProviderOfTheSameNameIsRefusedAndOldDirectoriesAreNotChecked() {
    RegisteredMetaFeature trained = new RegisteredMetaFeature(MEAN, "third", "/plugins/a.jar");
    RegisteredMetaFeature other = new RegisteredMetaFeature(MEAN, "fourth", "/plugins/b.jar");

    assertThatThrownBy(() -> FeatureSources.check("s", List.of(FeatureSource.of(trained)), List.of(other)))
        .isInstanceOf(PluginException.class)
        .hasMessageContaining("'third_mean' of the provider 'third' (a.jar)")
        .hasMessageContaining("now comes from the provider 'fourth' (b.jar)");
    assertThat(FeatureSources.check("s", null, List.of(other))).isEmpty();
  }

  @Test
  void builtInFeaturesAreComparedByProviderOnly() throws IOException {
    Path first = Files.writeString(dir.resolve("core-1.jar"), "one");
    Path second = Files.writeString(dir.resolve("core-2.jar"), "two");
    RegisteredMetaFeature trained = new RegisteredMetaFeature(MEAN, "core", first.toString());
    RegisteredMetaFeature rebuilt = new RegisteredMetaFeature(MEAN, "core", second.toString());

    assertThat(FeatureSources.check("s", List.of(FeatureSource.of(trained)), List.of(rebuilt))).isEmpty();
  }
}
