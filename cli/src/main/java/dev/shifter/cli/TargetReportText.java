package dev.shifter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shifter.shift.TargetReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Prints per-target reports: the target, the value reached, the unshifted value and the verdict. */
final class TargetReportText {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TargetReportText() {}

  /** Prints an aligned table, one row per entry. */
  static void printTable(List<TargetReport> report, PrintWriter out) {
    TextTable table = new TextTable(List.of("entry", "target", "reached", "unshifted", "error", "tolerance",
        "within tolerance"), Set.of(1, 2, 3, 4, 5));
    for (TargetReport entry : report) {
      table.add(List.of(entry.label(), number(entry.target()), number(entry.reached()), number(entry.unshifted()),
          percent(entry), number(entry.tolerance()), entry.withinTolerance() ? "yes" : "NO"));
    }
    table.print(out);
  }

  /** Prints {@code {"rows": n, "output": "...", "targets": [...]}}. */
  static void printJson(List<TargetReport> report, int rows, String output, PrintWriter out) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("rows", rows);
    root.put("output", output);
    ArrayNode entries = root.putArray("targets");
    for (TargetReport entry : report) {
      ObjectNode node = entries.addObject();
      node.put("feature", entry.feature());
      node.put("key", entry.key());
      node.put("target", entry.target());
      node.put("reached", entry.reached());
      node.put("unshifted", entry.unshifted());
      node.put("relative_error", entry.relativeError());
      node.put("unshifted_relative_error", entry.unshiftedRelativeError());
      node.put("tolerance", entry.tolerance());
      node.put("within_tolerance", entry.withinTolerance());
    }
    try {
      out.println(MAPPER.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A report always converts to JSON", e);
    }
    out.flush();
  }

  private static String number(double value) {
    return ValueText.of((float) value);
  }

  private static String percent(TargetReport entry) {
    if (entry.target() == 0) {
      return number(Math.abs(entry.reached())) + " abs";
    }
    return String.format(Locale.ROOT, "%.2f %%", 100 * entry.relativeError());
  }
}
