package dev.shifter.report.internal;

import java.util.ArrayList;
import java.util.List;

/** One histogram per continuous column, the tables overlaid on the same bins. */
final class ContinuousSection {
  static final String TITLE = "Continuous columns";

  private ContinuousSection() {}

  static void render(Tables tables, Page page) {
    page.section("continuous", TITLE, "Each chart overlays the histograms of one column in the "
        + String.join(", ", tables.names()) + " tables, on the same bins and as densities (the area under each "
        + "outline is 1), so tables of different sizes compare directly: where the outlines part, the synthetic "
        + "data put more or less mass than the real data.");
    List<String> columns = tables.real().continuousColumnNames();
    if (columns.isEmpty()) {
      page.note("The tables have no continuous column.");
      return;
    }
    int clipped = 0;
    page.openGrid();
    for (String column : columns) {
      List<double[]> samples = new ArrayList<>();
      for (int t = 0; t < tables.size(); t++) {
        samples.add(Columns.numbers(tables.tables().get(t), column));
      }
      Histogram histogram = Histogram.of(samples);
      clipped += histogram.clipped();
      List<Series> series = new ArrayList<>();
      for (int t = 0; t < tables.size(); t++) {
        series.add(new Series(tables.names().get(t), tables.colors().get(t), histogram.densities().get(t)));
      }
      page.image(Charts.png(Charts.histogram(column, histogram.edges(), series)), Charts.SMALL_WIDTH,
          Charts.SMALL_HEIGHT, "Histograms of " + column + " in the " + String.join(", ", tables.names())
          + " tables", null);
    }
    page.closeGrid();
    page.note("Bins span the 0.5th to the 99.5th percentile over the tables (whole numbers get bins of a whole "
        + "width, centred on them); " + (clipped == 0 ? "no value lay beyond them."
        : clipped + " values beyond them are counted in the end bins.") + " Missing values are left out.");
  }
}
