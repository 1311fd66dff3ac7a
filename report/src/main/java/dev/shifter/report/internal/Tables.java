package dev.shifter.report.internal;

import dev.shifter.api.Table;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The tables a report compares, in display order (real, synthetic, then shifted when given), with
 * their names and colours.
 *
 * @param names the names, e.g. {@code "real"}
 * @param tables the tables
 * @param colors the colours
 */
public record Tables(List<String> names, List<Table> tables, List<Color> colors) {
  /** The real table's name. */
  public static final String REAL = "real";
  /** The synthetic table's name. */
  public static final String SYNTHETIC = "synthetic";
  /** The shifted table's name. */
  public static final String SHIFTED = "shifted";

  /** Copies the lists. */
  public Tables {
    names = List.copyOf(names);
    tables = List.copyOf(tables);
    colors = List.copyOf(colors);
  }

  /**
   * Returns the compared tables of an input.
   *
   * @param input the report input
   * @return real, synthetic and, when given, shifted
   */
  public static Tables of(ReportInput input) {
    List<String> names = new ArrayList<>(List.of(REAL, SYNTHETIC));
    List<Table> tables = new ArrayList<>(List.of(input.real(), input.synthetic()));
    List<Color> colors = new ArrayList<>(List.of(Palette.REAL, Palette.SYNTHETIC));
    @Nullable Table shifted = input.shifted();
    if (shifted != null) {
      names.add(SHIFTED);
      tables.add(shifted);
      colors.add(Palette.SHIFTED);
    }
    return new Tables(names, tables, colors);
  }

  /**
   * Returns the number of tables.
   *
   * @return 2 or 3
   */
  public int size() {
    return tables.size();
  }

  /**
   * Returns the real table.
   *
   * @return the first table
   */
  public Table real() {
    return tables.get(0);
  }
}
