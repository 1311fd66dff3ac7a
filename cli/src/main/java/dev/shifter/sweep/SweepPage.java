package dev.shifter.sweep;

import dev.shifter.commons.AtomicFiles;
import dev.shifter.report.ChartImages;
import dev.shifter.shift.SweepAxis;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes {@code sweep.html}: per axis a scatter plot of the requested value against the value each table
 * reached (on the diagonal when it was reached exactly), the error's median and worst, and the manifest
 * as a table. Self-contained (the plots are embedded PNGs).
 */
final class SweepPage {
  private static final int WIDTH = 520;
  private static final int HEIGHT = 420;

  private SweepPage() {}

  static void write(Path file, List<SweepAxis> axes, List<SweepRecord> records) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Shifter sweep</title><style>body{font-family:sans-serif;margin:2em;max-width:1200px}"
        + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 7px;"
        + "text-align:right}img{margin:6px}</style></head><body>\n<h1>Sweep: requested against reached</h1>\n");
    long within = records.stream().filter(SweepRecord::withinTolerance).count();
    html.append(String.format(Locale.ROOT, "<p>%d points; %d with every entry within tolerance.</p>\n",
        records.size(), within));
    html.append("<table><tr><th>entry</th><th>median relative error</th><th>worst</th></tr>\n");
    for (int a = 0; a < axes.size(); a++) {
      final int axis = a;
      double[] errors = records.stream().mapToDouble(r -> r.relativeErrors().get(axis)).toArray();
      html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>\n",
          escape(axes.get(a).label()), percent(SweepResult.median(errors)),
          percent(Arrays.stream(errors).max().orElse(Double.NaN))));
    }
    html.append("</table>\n<div>\n");
    for (int a = 0; a < axes.size(); a++) {
      html.append("<img alt=\"").append(escape(axes.get(a).label())).append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(ChartImages.png(scatter(axes.get(a), a, records)))).append("\">\n");
    }
    html.append("</div>\n<h2>Manifest</h2>\n<table><tr><th>point</th><th>file</th>");
    for (SweepAxis axis : axes) {
      html.append("<th>").append(escape(axis.label())).append(" requested / reached</th>");
    }
    html.append("<th>within tolerance</th><th>detection</th></tr>\n");
    for (SweepRecord r : records) {
      html.append("<tr><td>").append(r.id()).append("</td><td><a href=\"").append(escape(r.file())).append("\">")
          .append(escape(r.file())).append("</a></td>");
      for (int a = 0; a < axes.size(); a++) {
        html.append(String.format(Locale.ROOT, "<td>%.4g / %.4g</td>", r.requested().get(a), r.reached().get(a)));
      }
      html.append("<td>").append(r.withinTolerance() ? "yes" : "no").append("</td><td>")
          .append(r.detection().isPresent() ? String.format(Locale.ROOT, "%.3f", r.detection().getAsDouble()) : "-")
          .append("</td></tr>\n");
    }
    html.append("</table>\n</body></html>\n");
    AtomicFiles.writeText(file, html.toString());
  }

  private static XYChart scatter(SweepAxis axis, int index, List<SweepRecord> records) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(axis.label()).xAxisTitle("requested")
        .yAxisTitle("reached").build();
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendVisible(true);
    double[] requested = records.stream().mapToDouble(r -> r.requested().get(index)).toArray();
    double[] reached = records.stream().mapToDouble(r -> r.reached().get(index)).toArray();
    double low = Math.min(axis.low(), Arrays.stream(reached).min().orElse(axis.low()));
    double high = Math.max(axis.high(), Arrays.stream(reached).max().orElse(axis.high()));
    XYSeries diagonal = chart.addSeries("reached = requested", new double[] {low, high}, new double[] {low, high});
    diagonal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    diagonal.setMarker(SeriesMarkers.NONE);
    diagonal.setLineColor(Color.GRAY);
    if (requested.length > 0) {
      XYSeries points = chart.addSeries("points", requested, reached);
      points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      points.setMarker(SeriesMarkers.CIRCLE);
      points.setMarkerColor(new Color(31, 119, 180));
    }
    return chart;
  }

  private static String percent(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f %%", 100 * value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
