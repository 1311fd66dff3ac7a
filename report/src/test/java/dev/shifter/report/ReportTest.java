package dev.shifter.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import dev.shifter.eval.QualityEvaluator;
import dev.shifter.eval.QualityReport;
import dev.shifter.shift.TargetEntry;
import dev.shifter.shift.Targets;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jspecify.annotations.Nullable;

class ReportTest {
  private static final Pattern IMAGE = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final List<String> SECTIONS = List.of("Overview", "Continuous columns", "Categorical columns",
      "Correlations", "Meta-features", "Quality");

  @TempDir
  Path dir;

  private static BufferAllocator allocator;
  private static Table real;
  private static Table synthetic;
  private static Table shifted;

  @BeforeAll
  static void drawTables() {
    allocator = new RootAllocator();
    real = ReportTables.draw(allocator, 600, 0, 1);
    synthetic = ReportTables.draw(allocator, 500, 0, 2);
    shifted = ReportTables.draw(allocator, 500, 0.5, 3);
  }

  @AfterAll
  static void close() {
    real.close();
    synthetic.close();
    shifted.close();
    allocator.close();
  }

  /** The mean of x over the rows with every continuous value, as the meta-feature sees it. */
  private static double meanOfX(Table table) {
    Float8Vector x = table.continuous("x");
    Float8Vector w = table.continuous("w");
    double sum = 0;
    int count = 0;
    for (int i = 0; i < table.rowCount(); i++) {
      if (!w.isNull(i)) {
        sum += x.get(i);
        count++;
      }
    }
    return sum / count;
  }

  private static List<String> row(String html, String firstCell) {
    Matcher matcher = Pattern.compile("<tr><td>" + Pattern.quote(firstCell) + "</td>(.*?)</tr>").matcher(html);
    assertThat(matcher.find()).as("a row for " + firstCell).isTrue();
    List<String> cells = new ArrayList<>();
    Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(matcher.group(1));
    while (cell.find()) {
      cells.add(cell.group(1));
    }
    return cells;
  }

  private static List<BufferedImage> images(String html) throws IOException {
    List<BufferedImage> images = new ArrayList<>();
    Matcher matcher = IMAGE.matcher(html);
    while (matcher.find()) {
      byte[] png = Base64.getDecoder().decode(matcher.group(1));
      assertThat(png).startsWith(PNG_SIGNATURE);
      images.add(ImageIO.read(new ByteArrayInputStream(png)));
    }
    return images;
  }

  @Test
  void aFullReportHasEverySectionAndEveryImageIsAPng() throws IOException {
    double shiftedMean = meanOfX(shifted);
    Targets targets = Targets.of(TargetEntry.fixed("mean", "x", shiftedMean), TargetEntry.fixed("sd", "z", 9.0));
    Path file = dir.resolve("report.html");

    ReportSummary summary = Report.builder().setReal(real).setSynthetic(synthetic).optShifted(shifted)
        .optTargets(targets).optLabel("y").optTitle("Test <report>").optSeed(3).build().write(file);

    String html = Files.readString(file);
    assertThat(summary.file()).isEqualTo(file);
    assertThat(summary.sections()).containsExactlyElementsOf(SECTIONS);
    for (String id : List.of("overview", "continuous", "categorical", "correlations", "meta-features", "quality")) {
      assertThat(html).contains("<section id=\"" + id + "\">", "<a href=\"#" + id + "\">");
    }
    assertThat(html).contains("Class-aware meta-features (label &#39;y&#39;)", "class_ent", "mut_inf", "y=");
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Test &lt;report&gt;</title>")
        .contains("<p class=\"how\">").doesNotContain("<script", "http://", "https://", "@import", "url(");
    // 3 histograms, 3 bar charts, 3 correlation and 2 difference heatmaps, 1 fidelity chart.
    assertThat(summary.images()).isEqualTo(12);
    List<BufferedImage> images = images(html);
    assertThat(images).hasSize(12).allSatisfy(image -> {
      assertThat(image).isNotNull();
      assertThat(image.getWidth()).isGreaterThan(100);
      assertThat(image.getHeight()).isGreaterThan(100);
    });
    assertThat(summary.targetEntries()).isEqualTo(2);
    assertThat(summary.targetsWithinTolerance()).isEqualTo(1);
    List<String> mean = row(html, "mean[x]");
    assertThat(mean).hasSize(6);
    assertThat(Double.parseDouble(mean.get(0))).isCloseTo(meanOfX(real), within(1e-3));
    assertThat(Double.parseDouble(mean.get(1))).isCloseTo(meanOfX(synthetic), within(1e-3));
    assertThat(Double.parseDouble(mean.get(2))).isCloseTo(shiftedMean, within(1e-3));
    assertThat(Double.parseDouble(mean.get(3))).isCloseTo(shiftedMean, within(1e-3));
    assertThat(Double.parseDouble(mean.get(4))).isCloseTo(0.05 * shiftedMean, within(0.05 * shiftedMean));
    assertThat(mean.get(5)).isEqualTo("yes");
    assertThat(row(html, "sd[z]").get(5)).isEqualTo("no");
    assertThat(row(html, "detection score")).hasSize(2);
    assertThat(html).contains("accuracy on real test rows, trained on this table", "15 of 25 categories shown", "synthetic - real",
        "shifted vs real");
  }

  @Test
  void withoutTargetsOrShiftedTableTheCoreMetaFeaturesAreShown() throws IOException {
    Path file = dir.resolve("plain.html");

    ReportSummary summary = Report.builder().setReal(real).setSynthetic(synthetic).build().write(file);

    String html = Files.readString(file);
    assertThat(summary.sections()).containsExactlyElementsOf(SECTIONS);
    // 3 histograms, 3 bar charts, 2 correlation and 1 difference heatmaps, 1 fidelity chart.
    assertThat(summary.images()).isEqualTo(10);
    assertThat(images(html)).hasSize(10);
    assertThat(summary.targetEntries()).isZero();
    assertThat(summary.targetsWithinTolerance()).isZero();
    assertThat(html).contains("<th>column</th><th>meta-feature</th><th>real</th><th>synthetic</th></tr>")
        .doesNotContain("shifted vs real", "within tolerance?");
    List<String> row = row(html, "x");
    assertThat(row.get(0)).isEqualTo("mean");
    assertThat(Double.parseDouble(row.get(1))).isCloseTo(meanOfX(real), within(1e-3));
  }

  @Test
  void writingReplacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws IOException {
    Path file = Files.writeString(dir.resolve("old.html"), "old report");
    Report report = Report.builder().setReal(real).setSynthetic(synthetic).build();

    report.write(file);

    assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("old.html");
    }
  }

  @Test
  void aFailedReportLeavesThePreviousFileUnchanged() throws IOException {
    Path file = Files.writeString(dir.resolve("kept.html"), "previous report");
    Path notAShifter = Files.createDirectories(dir.resolve("empty-shifter"));
    Report report = Report.builder().setReal(real).setSynthetic(synthetic).optShifterDir(notAShifter).build();

    assertThatThrownBy(() -> report.write(file)).hasMessageContaining("is not a Shifter directory");

    assertThat(Files.readString(file)).isEqualTo("previous report");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kept.html", "empty-shifter");
    }
  }

  @Test
  void badInputIsRefusedWithAMessageThatSaysWhatToDo() {
    assertThatThrownBy(() -> Report.builder().setReal(real).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("setSynthetic(Table) was not called");
    assertThatThrownBy(() -> Report.builder().setReal(real).setSynthetic(synthetic).optLabel("x").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("label column 'x' is continuous");
    assertThatThrownBy(() -> Report.builder().setReal(real).setSynthetic(synthetic).optLabel("nope").build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("No column named 'nope'");
    assertThatThrownBy(() -> Report.builder().setReal(real).setSynthetic(synthetic)
        .optTargets(Targets.parse("{\"mean\": {\"q\": 1}}")).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unknown column 'q'");
    assertThatThrownBy(() -> Report.builder().setReal(real).setSynthetic(synthetic)
        .optCtganModel(dir.resolve("missing")).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("The model directory " + dir.resolve("missing") + " does not exist");
    assertThatThrownBy(() -> Report.builder().setReal(real).setSynthetic(synthetic).build()
        .write(dir.resolve("no-such-dir").resolve("r.html")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist. Create it first");
    try (Table fewer = dropColumn(real, "many")) {
      assertThatThrownBy(() -> Report.builder().setReal(real).setSynthetic(synthetic).optShifted(fewer).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("The shifted table's columns differ from the real table's: 'many' is missing");
    }
  }

  private static Table dropColumn(Table table, String name) {
    try (TableBuilder builder = new TableBuilder(allocator)) {
      for (String column : table.columnNames()) {
        if (column.equals(name)) {
          continue;
        }
        if (table.continuousColumnNames().contains(column)) {
          double[] values = new double[table.rowCount()];
          for (int i = 0; i < values.length; i++) {
            Double value = table.continuousValue(column, i);
            values[i] = value == null ? Double.NaN : value;
          }
          builder.addContinuous(column, values);
        } else {
          String[] labels = new String[table.rowCount()];
          for (int i = 0; i < labels.length; i++) {
            labels[i] = table.categoricalValue(column, i);
          }
          builder.addCategorical(column, labels);
        }
      }
      return builder.build();
    }
  }

  @Test
  void numbersInTheTablesUseADotWhateverTheLocale() throws IOException {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    try {
      Path file = dir.resolve("locale.html");
      Report.builder().setReal(real).setSynthetic(synthetic).build().write(file);
      String value = row(Files.readString(file), "x").get(1);
      assertThat(value).contains(".").doesNotContain(",");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void qualityFiguresGivenByTheCallerGiveTheSamePageAsEvaluatingAgain() throws IOException {
    Path evaluated = dir.resolve("evaluated.html");
    Path given = dir.resolve("given.html");
    Report.builder().setReal(real).setSynthetic(synthetic).optShifted(shifted).optLabel("y").optSeed(5).build()
        .write(evaluated);
    Report.builder().setReal(real).setSynthetic(synthetic).optShifted(shifted).optLabel("y").optSeed(5)
        .optQuality(quality(synthetic, "y", 5), quality(shifted, "y", 5)).build().write(given);

    assertThat(withoutTime(given)).isEqualTo(withoutTime(evaluated));

    Path otherFolds = dir.resolve("other-folds.html");
    Report.builder().setReal(real).setSynthetic(synthetic).optShifted(shifted).optLabel("y").optSeed(5)
        .optQuality(quality(synthetic, "y", 9), quality(shifted, "y", 9)).build().write(otherFolds);
    assertThat(withoutTime(otherFolds)).as("the given figures are shown, not recomputed")
        .isNotEqualTo(withoutTime(evaluated));
  }

  /** The page without the time it was written at, which the footer shows. */
  private static String withoutTime(Path page) throws IOException {
    return Files.readString(page).replaceAll("Written by Shifter at [0-9T:-]+Z", "Written by Shifter");
  }

  @Test
  void qualityFiguresThatDoNotFitTheTablesAreRefused() {
    assertThatThrownBy(() -> Report.builder().setReal(real).setSynthetic(synthetic).optShifted(shifted)
        .optQuality(quality(synthetic, null, 0)).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 quality reports for 2 tables");
    assertThatThrownBy(() -> Report.builder().setReal(real).setSynthetic(synthetic).optLabel("y")
        .optQuality(quality(synthetic, null, 0)).build())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("another label");
    try (Table fewer = synthetic.takeRows(allocator, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})) {
      QualityReport ofFewerRows = quality(fewer, null, 0);
      assertThatThrownBy(() -> Report.builder().setReal(real).setSynthetic(synthetic).optQuality(ofFewerRows).build())
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("other tables");
    }
  }

  private static QualityReport quality(Table table, @Nullable String label, long seed) {
    QualityEvaluator.Builder builder = QualityEvaluator.builder().setReal(real).setSynthetic(table).optSeed(seed);
    if (label != null) {
      builder.optLabel(label);
    }
    return builder.build().evaluate();
  }
}
