package dev.shifter.sweep;

import dev.shifter.api.ArtifactException;
import dev.shifter.commons.AtomicFiles;
import dev.shifter.shift.SweepAxis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Writes and reads {@code manifest.csv}: one row per finished point, with the columns {@code point},
 * {@code file}, then per axis {@code requested:LABEL}, {@code reached:LABEL} and
 * {@code relative_error:LABEL}, then {@code within_tolerance}, {@code made_by} ({@code range} or
 * {@code refined}) and {@code detection} (empty without real data). It is rewritten atomically after every point, so an interrupted sweep keeps every finished row.
 */
final class SweepManifest {
  private SweepManifest() {}

  static List<String> header(List<SweepAxis> axes) {
    List<String> header = new ArrayList<>(List.of("point", "file"));
    for (String kind : List.of("requested", "reached", "relative_error")) {
      for (SweepAxis axis : axes) {
        header.add(kind + ":" + axis.label());
      }
    }
    header.add("within_tolerance");
    header.add("made_by");
    header.add("detection");
    return header;
  }

  static void write(Path file, List<SweepAxis> axes, List<SweepRecord> records) {
    StringBuilder text = new StringBuilder(String.join(",", header(axes).stream().map(SweepManifest::quote).toList()))
        .append('\n');
    for (SweepRecord r : records) {
      List<String> cells = new ArrayList<>(List.of(Integer.toString(r.id()), quote(r.file())));
      r.requested().forEach(v -> cells.add(number(v)));
      r.reached().forEach(v -> cells.add(number(v)));
      r.relativeErrors().forEach(v -> cells.add(number(v)));
      cells.add(Boolean.toString(r.withinTolerance()));
      cells.add(r.madeBy());
      cells.add(r.detection().isPresent() ? number(r.detection().getAsDouble()) : "");
      text.append(String.join(",", cells)).append('\n');
    }
    AtomicFiles.writeText(file, text.toString());
  }

  static List<SweepRecord> read(Path file, List<SweepAxis> axes) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new ArtifactException("Cannot read " + file + " (" + e.getMessage() + "). Check its permissions, or "
          + "start the sweep in a new folder.", e);
    }
    String expected = String.join(",", header(axes).stream().map(SweepManifest::quote).toList());
    if (lines.isEmpty() || !lines.get(0).equals(expected)) {
      throw new ArtifactException(file + " does not have the columns of this sweep's grid (" + expected + "): it "
          + "belongs to another sweep or was edited. Give another --out, or delete the folder to start again.");
    }
    int n = axes.size();
    List<SweepRecord> records = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> cells = split(lines.get(i));
      if (cells.size() != 5 + 3 * n) {
        throw new ArtifactException(file + ", line " + (i + 1) + ", has " + cells.size() + " cells where the header "
            + "has " + (5 + 3 * n) + ": the file is damaged. Delete the line (its point is made again) or the folder.");
      }
      try {
        records.add(new SweepRecord(Integer.parseInt(cells.get(0)), cells.get(1), doubles(cells, 2, n),
            doubles(cells, 2 + n, n), doubles(cells, 2 + 2 * n, n), Boolean.parseBoolean(cells.get(2 + 3 * n)),
            cells.get(3 + 3 * n), cells.get(4 + 3 * n).isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(Double.parseDouble(cells.get(4 + 3 * n)))));
      } catch (NumberFormatException e) {
        throw new ArtifactException(file + ", line " + (i + 1) + ", holds a cell that is not a number ("
            + e.getMessage() + "): the file is damaged. Delete the line (its point is made again) or the folder.", e);
      }
    }
    return records;
  }

  private static List<Double> doubles(List<String> cells, int from, int count) {
    List<Double> values = new ArrayList<>(count);
    for (int i = from; i < from + count; i++) {
      values.add(Double.parseDouble(cells.get(i)));
    }
    return values;
  }

  private static String number(double value) {
    return Double.toString(value);
  }

  private static String quote(String cell) {
    return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
  }

  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
