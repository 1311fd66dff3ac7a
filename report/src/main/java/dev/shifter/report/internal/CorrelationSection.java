package dev.shifter.report.internal;

import java.util.ArrayList;
import java.util.List;

/** Pearson heatmaps of the continuous columns for each table, and of the differences to the real table. */
final class CorrelationSection {
  static final String TITLE = "Correlations";
  private static final int MIN_SIZE = 260;
  private static final int MAX_SIZE = 620;

  private CorrelationSection() {}

  static void render(Tables tables, Page page) {
    page.section("correlations", TITLE, "The first heatmaps show the Pearson correlation of each pair of continuous "
        + "columns in each table, from -1 (blue) through 0 (white) to 1 (red). The difference heatmaps subtract the "
        + "real correlations: white means the pair is correlated as in the real data, red that it is more "
        + "positively correlated, blue more negatively (differences beyond \u00b11 take the end colours).");
    List<String> columns = tables.real().continuousColumnNames();
    if (columns.size() < 2) {
      page.note("Correlations need at least two continuous columns; the tables have " + columns.size() + ".");
      return;
    }
    int size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, 130 + 40 * columns.size()));
    List<Correlations.Matrix> matrices = new ArrayList<>();
    int undefined = 0;
    page.openGrid();
    for (int t = 0; t < tables.size(); t++) {
      Correlations.Matrix matrix = Correlations.pearson(tables.tables().get(t), columns);
      matrices.add(matrix);
      undefined += matrix.undefined();
      String name = tables.names().get(t);
      page.image(Charts.png(Charts.heatmap(name, columns, matrix.values(), size)), size + 90, size,
          "Pearson correlations of the " + name + " table", null);
    }
    page.closeGrid();
    page.openGrid();
    for (int t = 1; t < tables.size(); t++) {
      String name = tables.names().get(t) + " - real";
      double[][] difference = Correlations.difference(matrices.get(t).values(), matrices.get(0).values());
      page.image(Charts.png(Charts.heatmap(name, columns, difference, size)), size + 90, size,
          "Difference of the Pearson correlations, " + name, null);
    }
    page.closeGrid();
    page.note("Each pair uses the rows where both values are present." + (undefined == 0 ? ""
        : " " + undefined + " pair" + (undefined == 1 ? " has" : "s have") + " no correlation (a constant column) "
        + "and show" + (undefined == 1 ? "s" : "") + " as 0."));
  }
}
