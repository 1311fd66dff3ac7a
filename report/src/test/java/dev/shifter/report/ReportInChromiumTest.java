package dev.shifter.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a full report (with the training section) in headless Chromium and checks that the page loads
 * without an error and every image has a size. Keeps {@code target/report-screenshot.png} and
 * {@code target/report-sample.html} as build artefacts. Skipped when Chromium is not installed.
 */
class ReportInChromiumTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration LOAD = Duration.ofSeconds(60);
  private static final int WIDTH = 1280;
  private static final int MAX_HEIGHT = 16000;
  private static final String IMAGE_CHECK = "JSON.stringify({sections: document.querySelectorAll('section').length,"
      + " images: Array.from(document.images).map(i => ({complete: i.complete, width: i.naturalWidth,"
      + " height: i.naturalHeight}))})";

  @TempDir
  Path dir;

  @Test
  void theReportLoadsInChromiumWithoutErrorsAndEveryImageHasASize() throws Exception {
    Optional<Path> chromium = HeadlessChromium.find();
    Assumptions.assumeTrue(chromium.isPresent(), "Chromium is not installed, so the report is not checked in a "
        + "browser. Install it with 'apt-get install chromium' (Debian; .ci/run does this) to run this test.");
    Path html = dir.resolve("report.html");
    ReportSummary summary;
    try (BufferAllocator allocator = new RootAllocator();
        ReportJob job = ReportJob.run(dir, allocator)) {
      summary = Report.builder().setReal(job.real()).setSynthetic(job.synthetic()).optShifted(job.shifted())
          .optTargets(job.targets()).optLabel("y").optCtganModel(job.model()).optShifterDir(job.shifter())
          .optTitle("Shifter report (test)").optSubtitle("Generated tables: real, CTGAN sample, shifted sample")
          .build().write(html);
    }
    assertThat(summary.sections()).endsWith("Training");
    Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
    Files.createDirectories(target);
    Files.copy(html, target.resolve("report-sample.html"), StandardCopyOption.REPLACE_EXISTING);

    try (HeadlessChromium browser = HeadlessChromium.start(chromium.get())) {
      browser.call("Runtime.enable");
      browser.call("Log.enable");
      browser.call("Network.enable");
      browser.call("Page.enable");
      JsonNode navigation = browser.call("Page.navigate", HeadlessChromium.params()
          .put("url", html.toUri().toString()), LOAD);
      assertThat(navigation.has("errorText")).as("navigation error: %s", navigation).isFalse();
      browser.await("Page.loadEventFired", LOAD);

      JsonNode check = browser.call("Runtime.evaluate", HeadlessChromium.params().put("expression", IMAGE_CHECK)
          .put("returnByValue", true), LOAD);
      JsonNode page = JSON.readTree(check.path("result").path("value")
          .asText());
      assertThat(page.path("sections").asInt()).isEqualTo(summary.sections().size());
      assertThat(page.path("images")).hasSize(summary.images());
      for (JsonNode image : page.path("images")) {
        assertThat(image.path("complete").asBoolean()).as("image loaded: %s", image).isTrue();
        assertThat(image.path("width").asInt()).as("natural width: %s", image).isPositive();
        assertThat(image.path("height").asInt()).as("natural height: %s", image).isPositive();
      }

      JsonNode layout = browser.call("Page.getLayoutMetrics");
      int height = (int) Math.min(MAX_HEIGHT, Math.ceil(layout.path("cssContentSize").path("height").asDouble()));
      browser.call("Emulation.setDeviceMetricsOverride", HeadlessChromium.params().put("width", WIDTH)
          .put("height", height).put("deviceScaleFactor", 1).put("mobile", false), LOAD);
      JsonNode shot = browser.call("Page.captureScreenshot", HeadlessChromium.params().put("format", "png"), LOAD);
      byte[] png = Base64.getDecoder().decode(shot.path("data").asText());
      BufferedImage screenshot = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(screenshot.getWidth()).isEqualTo(WIDTH);
      assertThat(screenshot.getHeight()).isGreaterThan(2000);
      Files.write(target.resolve("report-screenshot.png"), png);

      List<String> problems = browser.problems();
      assertThat(problems).as("errors reported by the page; browser output:%n%s",
          String.join("\n", browser.output())).isEmpty();
    }
  }
}
