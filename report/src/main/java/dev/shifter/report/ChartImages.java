package dev.shifter.report;

import dev.shifter.api.ShifterException;
import dev.shifter.report.internal.Charts;
import org.knowm.xchart.internal.chartpart.IChart;

/** Encodes XChart charts the way the report does, for pages built outside it (the sweep's). */
public final class ChartImages {
  private ChartImages() {}

  /**
   * Encodes a chart as PNG.
   *
   * @param chart the chart
   * @return the PNG bytes
   * @throws ShifterException if the encoder fails
   */
  public static byte[] png(IChart chart) {
    return Charts.png(chart);
  }
}
