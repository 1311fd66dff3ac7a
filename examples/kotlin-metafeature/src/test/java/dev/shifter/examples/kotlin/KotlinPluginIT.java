package dev.shifter.examples.kotlin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shifter.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs after {@code package}: the shaded plug-in jar is copied into a fresh folder, handed to the CLI
 * with {@code --plugins}, its feature is computed by name, and its regularizer is listed.
 */
class KotlinPluginIT {
  @TempDir Path work;

  @Test
  void theKotlinPluginJarIsLoadedFromAFolderAndComputesItsFeature() throws IOException {
    Path plugins = Files.createDirectory(work.resolve("plugins"));
    Path built = Path.of(System.getProperty("shifter.example.pluginDir"));
    try (Stream<Path> jars = Files.list(built)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
      }
    }
    Path data = work.resolve("data.csv");
    Files.writeString(data, "a,b,label\n1,10,x\n2,-10,y\n3,10,x\n6,-10,y\n");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        "metafeatures", "--data", data.toString(), "--features", "coef_var", "--format", "json",
        "--plugins", plugins.toString());

    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    // a: mean 3, sd (ddof 1) = sqrt(14/3); b: mean 0, so the smooth |mean| keeps the ratio finite but huge.
    assertThat(json.path("coef_var").path("a").asDouble()).isCloseTo(Math.sqrt(14.0 / 3) / 3, offset(1e-4));
    assertThat(json.path("coef_var").path("b").asDouble()).isGreaterThan(1e6).isLessThan(Double.MAX_VALUE);
  }

  @Test
  void theClassAwareKotlinFeatureSeesTheLabelNamedOnTheCommandLine() throws IOException {
    Path plugins = Files.createDirectory(work.resolve("plugins"));
    Path built = Path.of(System.getProperty("shifter.example.pluginDir"));
    try (Stream<Path> jars = Files.list(built)) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
      }
    }
    Path data = work.resolve("classes.csv");
    Files.writeString(data, "a,label\n1,x\n2,y\n3,x\n6,x\n");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        "metafeatures", "--data", data.toString(), "--label", "label", "--features", "minority_share,freq",
        "--format", "json", "--plugins", plugins.toString());

    assertThat(exit).as("exit code; stderr: %s", err).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(json.path("minority_share").path("value").asDouble()).isCloseTo(0.25, offset(1e-6));
    assertThat(json.path("freq").path("label=x").asDouble()).isCloseTo(0.75, offset(1e-6));
  }

  @Test
  void thePluginIsListedWithItsJar() throws IOException {
    Path built = Path.of(System.getProperty("shifter.example.pluginDir"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        "metafeatures", "--list", "--plugins", built.toString());

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("coef_var").contains("kotlin-example").contains("shifter-example-kotlin-metafeature");
  }

  @Test
  void thePluginsRegularizerIsListedWithItsJar() {
    Path built = Path.of(System.getProperty("shifter.example.pluginDir"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        "plugins", "--plugins", built.toString());

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .containsPattern("l1_shift +kotlin-example +shifter-example-kotlin-metafeature[^ ]*\\.jar")
        .containsPattern("coef_var +per column +kotlin-example");
  }
}
