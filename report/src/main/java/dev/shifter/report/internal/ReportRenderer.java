package dev.shifter.report.internal;

import dev.shifter.shift.SavedShifter;
import dev.shifter.shift.TrainedShifter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** Computes every section of a report and renders the page. */
public final class ReportRenderer {
  private ReportRenderer() {}

  /**
   * Renders a report.
   *
   * @param input the checked inputs
   * @return the page and what it holds
   */
  public static RenderedReport render(ReportInput input) {
    @Nullable Path shifterDir = input.shifterDir();
    @Nullable SavedShifter saved = shifterDir == null ? null : TrainedShifter.inspect(shifterDir);
    Tables tables = Tables.of(input);
    Page page = new Page();
    OverviewSection.render(input, tables, saved, page);
    ContinuousSection.render(tables, page);
    CategoricalSection.render(tables, page);
    CorrelationSection.render(tables, page);
    MetaFeatureSection.Outcome targets = MetaFeatureSection.render(input, tables, saved, page);
    QualitySection.render(input, tables, page);
    if (input.hasTraining()) {
      TrainingSection.render(input, saved, page);
    }
    String footer = "Written by Shifter at " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ". The page is "
        + "self-contained: its images are embedded, and it runs no script and loads nothing from elsewhere.";
    String html = page.html(input.title(), input.subtitle(), footer);
    return new RenderedReport(html, page.images(), page.sections(), targets.withinTolerance(), targets.entries());
  }
}
