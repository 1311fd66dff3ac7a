package dev.shifter.report.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One bar chart of category shares per categorical column, the tables side by side. */
final class CategoricalSection {
  static final String TITLE = "Categorical columns";
  private static final int LABEL_LENGTH = 24;

  private CategoricalSection() {}

  static void render(Tables tables, Page page) {
    page.section("categorical", TITLE, "Each chart shows, for one column, the share of rows in each category in the "
        + String.join(", ", tables.names()) + " tables side by side. Bars of equal height mean the category is as "
        + "frequent as in the real data. The " + CategoryShares.TOP + " categories with the largest shares are "
        + "shown; the rest are grouped in one bar, and missing values count as the category "
        + CategoryShares.MISSING + ".");
    List<String> columns = tables.real().categoricalColumnNames();
    if (columns.isEmpty()) {
      page.note("The tables have no categorical column.");
      return;
    }
    page.openGrid();
    for (String column : columns) {
      List<@Nullable String[]> labels = new ArrayList<>();
      for (int t = 0; t < tables.size(); t++) {
        labels.add(Columns.labels(tables.tables().get(t), column));
      }
      CategoryShares shares = CategoryShares.of(labels);
      List<Series> series = new ArrayList<>();
      for (int t = 0; t < tables.size(); t++) {
        series.add(new Series(tables.names().get(t), tables.colors().get(t), shares.shares().get(t)));
      }
      List<String> categories = shares.categories().stream().map(CategoricalSection::shorten).toList();
      page.image(Charts.png(Charts.bars(column, "share of rows", unique(categories), series)), Charts.SMALL_WIDTH,
          Charts.SMALL_HEIGHT, "Category shares of " + column + " in the " + String.join(", ", tables.names())
          + " tables", shares.grouped() > 0 ? shares.categories().size() - 1 + " of " + (shares.categories().size()
          - 1 + shares.grouped()) + " categories shown" : null);
    }
    page.closeGrid();
  }

  private static String shorten(String label) {
    return label.length() <= LABEL_LENGTH ? label : label.substring(0, LABEL_LENGTH - 1) + "\u2026";
  }

  /** Keeps shortened labels distinct: a repeat gets a number. */
  private static List<String> unique(List<String> labels) {
    List<String> result = new ArrayList<>(labels.size());
    for (String label : labels) {
      String candidate = label;
      for (int i = 2; result.contains(candidate); i++) {
        candidate = label + " (" + i + ")";
      }
      result.add(candidate);
    }
    return result;
  }
}
