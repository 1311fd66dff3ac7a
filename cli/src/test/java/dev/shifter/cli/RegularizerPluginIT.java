package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shifter.cli.Launcher.Run;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third party's regularizer: its source is compiled here, outside the reactor, against the public API
 * jar alone (shifter-api and DJL's api, as the command line ships them), packed into a jar with its
 * service file, and used by {@code bin/shifter train --plugins DIR --regularizer smooth_shift=0.5}.
 */
class RegularizerPluginIT {
  private static final long TIMEOUT_SECONDS = 300;
  private static final String PROVIDER = """
      package com.example.smooth;

      import dev.shifter.api.Regularizer;
      import dev.shifter.api.RegularizerProvider;
      import java.util.List;

      public final class SmoothShiftProvider implements RegularizerProvider {
        @Override
        public String id() {
          return "example";
        }

        @Override
        public List<Regularizer> regularizers() {
          return List.of(Regularizer.of("smooth_shift",
              context -> context.shiftedZ().sub(context.z()).abs().mean()));
        }
      }
      """;

  @TempDir
  static Path dir;

  private static Path plugins;
  private static Path model;
  private static Path target;

  @BeforeAll
  static void compileThePluginAndFitAModel() throws Exception {
    plugins = Files.createDirectories(dir.resolve("plugins"));
    pluginJar(plugins.resolve("smooth-shift.jar"));
    Path data = BadInputFixtures.smallTable(dir.resolve("train.csv"), 300, 5);
    model = dir.resolve("model");
    Run fit = run(List.of("fit", "--data", data.toString(), "--out", model.toString(), "--epochs", "1",
        "--batch-size", "100", "--seed", "1", "--progress", "none"));
    assertThat(fit.exit()).as(fit.output()).isZero();
    target = Files.writeString(dir.resolve("target.json"), "{\"mean\": {\"age\": 45}}");
  }

  @Test
  void thePluginsCommandListsTheRegularizerWithItsJar() throws Exception {
    Run listing = run(List.of("plugins", "--plugins", plugins.toString()));

    assertThat(listing.exit()).as(listing.output()).isZero();
    assertThat(listing.output()).containsPattern("smooth_shift +example +smooth-shift\\.jar")
        .containsPattern("latent_reg +shifter +built in").containsPattern("mse +shifter +built in");
  }

  @Test
  void trainAddsThePluginRegularizerToTheLossWithItsWeight() throws Exception {
    Path out = dir.resolve("shifter");
    Run train = run(List.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        out.toString(), "--steps", "20", "--seed", "1", "--progress", "none", "--plugins", plugins.toString(),
        "--regularizer", "smooth_shift=0.5"));

    assertThat(train.exit()).as(train.output()).isZero();
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    List<String> terms = new ArrayList<>();
    manifest.findValues("terms").forEach(node -> node.fieldNames().forEachRemaining(terms::add));
    assertThat(terms).as(manifest.toString()).contains("smooth_shift", "latent_reg");
    assertThat(manifest.path("regularizers").findValuesAsText("name")).contains("smooth_shift");

    Run forgotten = run(List.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        out.toString(), "--steps", "30", "--seed", "1", "--progress", "none", "--plugins", plugins.toString(),
        "--resume"));
    assertThat(forgotten.exit()).as(forgotten.output()).isEqualTo(3);
    assertThat(forgotten.output()).contains("was trained with the regularizers",
        "On the command line: --regularizer smooth_shift=0.5.");
  }

  @Test
  void anUnknownRegularizerIsABadInputThatNamesTheInstalledOnes() throws Exception {
    Run train = run(List.of("train", "--model", model.toString(), "--target", target.toString(), "--out",
        dir.resolve("unknown").toString(), "--steps", "5", "--progress", "none", "--plugins", plugins.toString(),
        "--regularizer", "smooth_shfit=0.5"));

    assertThat(train.exit()).as(train.output()).isEqualTo(3);
    assertThat(train.output()).contains("Unknown regularizer 'smooth_shfit'")
        .contains("from plug-ins: smooth_shift");
    assertThat(dir.resolve("unknown")).doesNotExist();
  }

  private static Run run(List<String> command) throws Exception {
    return Launcher.run(dir, List.of(), command, TIMEOUT_SECONDS);
  }

  /** Compiles the provider against the API jars only and packs it with its service file. */
  private static void pluginJar(Path jar) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src/com/example/smooth"));
    Path source = Files.writeString(sources.resolve("SmoothShiftProvider.java"), PROVIDER);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String classPath;
    try (Stream<Path> libs = Files.list(Launcher.libraries())) {
      classPath = String.join(":", libs.map(Path::toString)
          .filter(name -> name.matches(".*/(shifter-api-[^/]*|api-[0-9.]+)\\.jar")).toList());
    }
    assertThat(classPath).contains("shifter-api-").contains("/api-");
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean compiled = compiler.getTask(errors, null, null, List.of("--release", "17", "-classpath", classPath,
        "-d", classes.toString()), null, compiler.getStandardFileManager(null, null, null)
        .getJavaFileObjects(source.toFile())).call();
    assertThat(compiled).as(errors.toString()).isTrue();
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(file)) {
      zip.putNextEntry(new JarEntry("META-INF/services/dev.shifter.api.RegularizerProvider"));
      zip.write("com.example.smooth.SmoothShiftProvider\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new JarEntry("com/example/smooth/SmoothShiftProvider.class"));
      zip.write(Files.readAllBytes(classes.resolve("com/example/smooth/SmoothShiftProvider.class")));
      zip.closeEntry();
    }
  }
}
