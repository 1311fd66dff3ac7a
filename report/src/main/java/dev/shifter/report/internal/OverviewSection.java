package dev.shifter.report.internal;

import dev.shifter.api.Table;
import dev.shifter.shift.SavedShifter;
import dev.shifter.shift.Targets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The first section: what was compared, with how many rows and which columns. */
final class OverviewSection {
  static final String TITLE = "Overview";

  private OverviewSection() {}

  static void render(ReportInput input, Tables tables, @Nullable SavedShifter saved, Page page) {
    Table real = tables.real();
    page.section("overview", TITLE, "This report compares the real table with the synthetic table sampled from "
        + "the CTGAN" + (tables.size() > 2 ? " and with the shifted table generated through the Shifter" : "")
        + ", column by column and as a whole. Each section starts with a sentence like this one that says how to "
        + "read it.");
    List<List<Cell>> rows = new ArrayList<>();
    for (int t = 0; t < tables.size(); t++) {
      Table table = tables.tables().get(t);
      rows.add(List.of(Cell.text(tables.names().get(t) + " table"), Cell.text(table.rowCount() + " rows, "
          + incompleteRows(table) + " with a missing value")));
    }
    List<String> continuous = real.continuousColumnNames();
    List<String> categorical = real.categoricalColumnNames();
    rows.add(List.of(Cell.text("continuous columns (" + continuous.size() + ")"), Cell.text(list(continuous))));
    rows.add(List.of(Cell.text("categorical columns (" + categorical.size() + ")"), Cell.text(list(categorical))));
    @Nullable Targets targets = input.targets() != null ? input.targets() : saved != null ? saved.targets() : null;
    rows.add(List.of(Cell.text("targets"), Cell.text(targets == null ? "none"
        : targets.entries().size() + " entr" + (targets.entries().size() == 1 ? "y" : "ies") + (targets.isRange()
            ? " (ranges)" : "") + (input.targets() == null ? ", from the Shifter directory" : ""))));
    rows.add(List.of(Cell.text("label column"), Cell.text(input.label() == null ? "none (no machine-learning "
        + "efficacy)" : input.label())));
    rows.add(List.of(Cell.text("CTGAN model"), Cell.text(path(input.ctganModel()))));
    rows.add(List.of(Cell.text("Shifter"), Cell.text(path(input.shifterDir()))));
    page.table(List.of(), rows);
  }

  private static int incompleteRows(Table table) {
    int rows = table.rowCount();
    var vectors = table.arrow().getFieldVectors();
    int incomplete = 0;
    for (int i = 0; i < rows; i++) {
      for (var vector : vectors) {
        if (vector.isNull(i)) {
          incomplete++;
          break;
        }
      }
    }
    return incomplete;
  }

  private static String list(List<String> names) {
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  private static String path(@Nullable Path dir) {
    return dir == null ? "not given" : dir.toString();
  }
}
