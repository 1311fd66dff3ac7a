package dev.shifter.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What a written report holds.
 *
 * @param file the written file
 * @param images the number of embedded images
 * @param sections the section titles, in page order
 * @param targetsWithinTolerance the target entries within tolerance in the shifted table (0 without
 *     targets or without a shifted table)
 * @param targetEntries the number of target entries (0 without targets)
 */
public record ReportSummary(Path file, int images, List<String> sections, int targetsWithinTolerance,
    int targetEntries) {

  /** Copies the section titles. */
  public ReportSummary {
    sections = List.copyOf(sections);
  }
}
