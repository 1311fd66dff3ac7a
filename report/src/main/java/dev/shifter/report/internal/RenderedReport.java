package dev.shifter.report.internal;

import java.util.List;

/**
 * A rendered report, before it is written.
 *
 * @param html the whole page
 * @param images the number of embedded images
 * @param sections the section titles in page order
 * @param targetsWithinTolerance the target entries within tolerance in the shifted table
 * @param targetEntries the number of target entries
 */
public record RenderedReport(String html, int images, List<String> sections, int targetsWithinTolerance,
    int targetEntries) {

  /** Copies the titles. */
  public RenderedReport {
    sections = List.copyOf(sections);
  }
}
