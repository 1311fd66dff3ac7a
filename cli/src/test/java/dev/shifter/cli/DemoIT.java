package dev.shifter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code bin/shifter demo --quick} as a user would, as a separate process, on the jars Maven has just
 * packaged ({@code SHIFTER_SKIP_BUILD=1}), and checks that it ends well: exit code 0, a real report, and
 * a summary in which every target entry moved towards its target and most are within tolerance. Run by
 * the failsafe plug-in in the integration-test phase; the system properties come from shifter/pom.xml.
 */
class DemoIT {
  private static final long TIMEOUT_SECONDS = 600;

  @Test
  void theQuickDemoRunsEndToEndAndApproachesItsTargets() throws Exception {
    Path launcher = Path.of(System.getProperty("shifter.launcher", "../bin/shifter")).toAbsolutePath().normalize();
    Path out = Path.of(System.getProperty("shifter.demo.out", "target/demo-it")).toAbsolutePath();
    Path log = out.resolveSibling(out.getFileName() + ".log");
    deleteRecursively(out);
    ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "demo", "--quick", "--out", out.toString(),
        "--progress", "lines").redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SHIFTER_SKIP_BUILD", "1");
    builder.environment().put("SHIFTER_THREADS", System.getProperty("shifter.demo.threads", "1"));

    long started = System.nanoTime();
    Process process = builder.start();
    boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String output = Files.readString(log);
    System.out.printf(Locale.ROOT, "bin/shifter demo --quick: exit %s after %.1f s (wall time)%n",
        finished ? process.exitValue() : "none (killed)", seconds);
    System.out.println(output);

    assertThat(finished).as("the demo finished within %d s", TIMEOUT_SECONDS).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    Path report = out.resolve("report.html");
    assertThat(Files.size(report)).as("report size").isGreaterThan(50_000);
    String html = Files.readString(report);
    assertThat(html.split("<img ", -1).length - 1).as("images in the report").isGreaterThanOrEqualTo(5);
    List<String> lines = output.strip().lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("Report: " + report);

    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    JsonNode targets = summary.get("targets");
    assertThat(targets.size()).isGreaterThanOrEqualTo(1);
    int within = 0;
    for (JsonNode entry : targets) {
      String label = entry.get("feature").asText() + "[" + entry.get("key").asText() + "]";
      double target = entry.get("target").asDouble();
      double reached = Math.abs(entry.get("reached").asDouble() - target);
      double unshifted = Math.abs(entry.get("unshifted").asDouble() - target);
      assertThat(reached).as("%s: |reached - target| below |unshifted - target| = %s", label, unshifted)
          .isLessThan(unshifted);
      within += entry.get("within_tolerance").asBoolean() ? 1 : 0;
    }
    assertThat(2 * within).as("entries within tolerance (%d of %d), most of them", within, targets.size())
        .isGreaterThan(targets.size());
    assertThat(summary.get("seconds").get("total").asDouble()).isPositive();
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
