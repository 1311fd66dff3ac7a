package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.MetaFeatureProvider;
import dev.shifter.cli.fixtures.PluginOnlyProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoadingTest {
  @TempDir
  Path dir;

  @AfterEach
  void clearProperty() {
    System.clearProperty(PluginOptions.PATH_PROPERTY);
  }

  /** Writes a jar whose service file names {@code providerClass}; the class itself comes from the test class path. */
  private Path pluginJar(String folder, String jarName, String providerClass) throws IOException {
    Path plugins = Files.createDirectories(dir.resolve(folder));
    Path jar = plugins.resolve(jarName);
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      zip.putNextEntry(new JarEntry("META-INF/services/" + MetaFeatureProvider.class.getName()));
      zip.write((providerClass + "\n").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return plugins;
  }

  @Test
  void everyJarOfAPluginFolderAddsItsFeatures() throws IOException {
    Path plugins = pluginJar("plugins", "only.jar", PluginOnlyProvider.class.getName());

    CliRun without = CliRun.of("metafeatures", "--list");
    CliRun with = CliRun.of("metafeatures", "--list", "--plugins", plugins.toString());

    assertThat(without.out()).doesNotContain("plugin_only_max");
    assertThat(with.exitCode()).as(with.toString()).isZero();
    assertThat(with.out()).containsPattern("plugin_only_max +per column +plugin-only ");
  }

  @Test
  void aPluginFeatureCanBeComputed() throws IOException {
    Path plugins = pluginJar("plugins", "only.jar", PluginOnlyProvider.class.getName());
    Path data = Files.writeString(dir.resolve("d.csv"), "x,y\n1,5\n3,2\n");

    CliRun run = CliRun.of("metafeatures", "--data", data.toString(), "--plugins", plugins.toString(),
        "--features", "plugin_only_max", "--format", "json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).containsPattern("\"x\": 3\\.0").containsPattern("\"y\": 5\\.0");
  }

  @Test
  void thePluginPathPropertyIsHonoured() throws IOException {
    Path plugins = pluginJar("bundled", "only.jar", PluginOnlyProvider.class.getName());
    System.setProperty(PluginOptions.PATH_PROPERTY, dir.resolve("absent") + File.pathSeparator + plugins);

    CliRun run = CliRun.of("metafeatures", "--list");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("plugin_only_max");
    assertThat(run.err()).contains("shifter: warning: the plug-in folder").contains("absent");
  }

  @Test
  void aBrokenPluginIsAWarningAndTheOtherFeaturesStillLoad() throws IOException {
    Path plugins = pluginJar("broken", "broken.jar", "dev.shifter.cli.fixtures.NoSuchProvider");

    CliRun run = CliRun.of("metafeatures", "--list", "--plugins", plugins.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).startsWith("shifter: warning: ").contains("NoSuchProvider").contains("broken.jar");
    assertThat(run.out()).contains("fixture_mean");
  }
}
