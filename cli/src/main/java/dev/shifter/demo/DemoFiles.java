package dev.shifter.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * What a demo run writes into its output folder.
 *
 * @param folder the output folder
 */
public record DemoFiles(Path folder) {
  /** The names a demo run writes; a folder holding only these (or nothing) may be written over. */
  public static final List<String> NAMES = List.of("data.csv", "target.json", "model", "synthetic.csv", "shifter",
      "shifted.csv", "report.html", "summary.json");

  /**
   * Returns the table that was fitted.
   *
   * @return {@code data.csv}
   */
  public Path data() {
    return folder.resolve("data.csv");
  }

  /**
   * Returns the targets.
   *
   * @return {@code target.json}
   */
  public Path target() {
    return folder.resolve("target.json");
  }

  /**
   * Returns the CTGAN model directory.
   *
   * @return {@code model}
   */
  public Path model() {
    return folder.resolve("model");
  }

  /**
   * Returns the plain synthetic table.
   *
   * @return {@code synthetic.csv}
   */
  public Path synthetic() {
    return folder.resolve("synthetic.csv");
  }

  /**
   * Returns the Shifter directory.
   *
   * @return {@code shifter}
   */
  public Path shifter() {
    return folder.resolve("shifter");
  }

  /**
   * Returns the shifted table.
   *
   * @return {@code shifted.csv}
   */
  public Path shifted() {
    return folder.resolve("shifted.csv");
  }

  /**
   * Returns the HTML report.
   *
   * @return {@code report.html}
   */
  public Path report() {
    return folder.resolve("report.html");
  }

  /**
   * Returns the machine-readable summary.
   *
   * @return {@code summary.json}
   */
  public Path summary() {
    return folder.resolve("summary.json");
  }
}
