package dev.shifter.report.internal;

import dev.shifter.api.ShifterException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.IChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws the report's charts with XChart and encodes them as PNG. */
public final class Charts {
  /** Width of a small chart (histograms, bar charts). */
  public static final int SMALL_WIDTH = 520;
  /** Height of a small chart. */
  public static final int SMALL_HEIGHT = 340;
  /** Width of a wide chart (loss curves). */
  public static final int WIDE_WIDTH = 780;
  /** Height of a wide chart. */
  public static final int WIDE_HEIGHT = 380;

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final BasicStroke LINE = new BasicStroke(1.8f);

  private Charts() {}

  /**
   * Draws overlaid histograms as step outlines, the first series filled.
   *
   * @param title the chart title
   * @param edges the bin edges, one more than the values of each series
   * @param series the densities of each table
   * @return the chart
   */
  public static XYChart histogram(String title, double[] edges, List<Series> series) {
    XYChart chart = new XYChartBuilder().width(SMALL_WIDTH).height(SMALL_HEIGHT).title(title).xAxisTitle("value")
        .yAxisTitle("density").build();
    style(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    legendBelow(chart.getStyler());
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setXAxisDecimalPattern("#,##0.####");
    chart.getStyler().setYAxisTickLabelsFormattingFunction(Numbers::tick);
    for (int s = 0; s < series.size(); s++) {
      Series one = series.get(s);
      int bins = one.values().length;
      double[] x = new double[2 * bins + 2];
      double[] y = new double[2 * bins + 2];
      x[0] = edges[0];
      for (int i = 0; i < bins; i++) {
        x[2 * i + 1] = edges[i];
        y[2 * i + 1] = one.values()[i];
        x[2 * i + 2] = edges[i + 1];
        y[2 * i + 2] = one.values()[i];
      }
      x[x.length - 1] = edges[bins];
      XYSeries drawn = addUnevenly(chart, one.name(), x, y);
      drawn.setMarker(SeriesMarkers.NONE);
      drawn.setLineColor(one.color());
      drawn.setLineStyle(LINE);
      if (s == 0) {
        drawn.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        drawn.setFillColor(Palette.withAlpha(one.color(), 70));
      }
    }
    return chart;
  }

  /**
   * Draws bars side by side, one group per category.
   *
   * @param title the chart title
   * @param yTitle the value axis title
   * @param categories the categories
   * @param series one value per category for each table
   * @return the chart
   */
  public static CategoryChart bars(String title, String yTitle, List<String> categories, List<Series> series) {
    CategoryChart chart = new CategoryChartBuilder().width(SMALL_WIDTH).height(SMALL_HEIGHT).title(title)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    legendBelow(chart.getStyler());
    chart.getStyler().setAvailableSpaceFill(0.8);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("0.###");
    chart.getStyler().setXAxisTickMarkSpacingHint(4);
    if (categories.size() > 6 || categories.stream().mapToInt(String::length).sum() > 60) {
      chart.getStyler().setXAxisLabelRotation(45);
    }
    for (Series one : series) {
      List<Double> values = new ArrayList<>(one.values().length);
      for (double v : one.values()) {
        values.add(v);
      }
      CategorySeries drawn = chart.addSeries(one.name(), categories, values);
      drawn.setFillColor(one.color());
    }
    return chart;
  }

  /**
   * Draws a square matrix as a heatmap on a diverging scale from -1 (blue) through 0 (white) to 1 (red),
   * the first column at the top left. Values outside [-1, 1] take the colour of the nearer end.
   *
   * @param title the chart title
   * @param names the row and column names
   * @param matrix the values, {@code matrix[i][j]} for row {@code i}, column {@code j}
   * @param size the chart's width and height in pixels
   * @return the chart
   */
  public static HeatMapChart heatmap(String title, List<String> names, double[][] matrix, int size) {
    HeatMapChart chart = new HeatMapChartBuilder().width(size + 90).height(size).title(title).build();
    style(chart.getStyler());
    chart.getStyler().setRangeColors(new Color[] {Palette.NEGATIVE, Palette.MIDDLE, Palette.POSITIVE});
    chart.getStyler().setMin(-1);
    chart.getStyler().setMax(1);
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setShowValue(names.size() <= 10);
    chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    chart.getStyler().setValueFontColor(Color.BLACK);
    chart.getStyler().setHeatMapValueDecimalPattern("0.00");
    chart.getStyler().setXAxisLabelRotation(names.size() > 4 ? 45 : 0);
    chart.getStyler().setXAxisTickMarkSpacingHint(4);
    chart.getStyler().setYAxisTickMarkSpacingHint(4);
    int d = names.size();
    List<String> rows = new ArrayList<>(d);
    for (int i = d - 1; i >= 0; i--) {
      rows.add(names.get(i));
    }
    List<Number[]> cells = new ArrayList<>(d * d);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double value = Math.max(-1, Math.min(1, matrix[i][j]));
        cells.add(new Number[] {j, d - 1 - i, value});
      }
    }
    chart.addSeries(title, names, rows, cells).setMin(-1).setMax(1);
    return chart;
  }

  /**
   * Draws curves against a common x axis.
   *
   * @param title the chart title
   * @param xTitle the x axis title
   * @param yTitle the y axis title
   * @param lines the curves
   * @param logY whether the y axis is logarithmic (every y must then be positive)
   * @return the chart
   */
  public static XYChart lines(String title, String xTitle, String yTitle, List<Line> lines, boolean logY) {
    XYChart chart = new XYChartBuilder().width(WIDE_WIDTH).height(WIDE_HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(chart.getStyler());
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setXAxisDecimalPattern("#,##0.###");
    chart.getStyler().setYAxisLogarithmic(logY);
    if (!logY) {
      chart.getStyler().setYAxisTickLabelsFormattingFunction(Numbers::tick);
    }
    for (Line line : lines) {
      XYSeries drawn = addUnevenly(chart, line.name(), line.x(), line.y());
      drawn.setMarker(line.x().length <= 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      drawn.setLineColor(line.color());
      drawn.setMarkerColor(line.color());
      drawn.setLineStyle(LINE);
    }
    return chart;
  }

  /**
   * Encodes a chart as PNG.
   *
   * @param chart the chart
   * @return the PNG bytes
   * @throws ShifterException if the encoder fails
   */
  public static byte[] png(IChart chart) {
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream(32 * 1024);
      if (!ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", png)) {
        throw new IOException("no PNG writer is installed");
      }
      return png.toByteArray();
    } catch (IOException e) {
      throw new ShifterException("Could not encode a chart as PNG: " + e.getMessage() + ". This is a bug; please "
          + "report it.", e);
    }
  }

  /**
   * Tells whether values suit a logarithmic axis: all positive and spanning at least a factor of 10.
   *
   * @param values the values
   * @return true when a log scale shows them better
   */
  public static boolean suitsLogScale(List<double[]> values) {
    double low = Double.POSITIVE_INFINITY;
    double high = 0;
    for (double[] series : values) {
      for (double v : series) {
        if (!(v > 0) || Double.isInfinite(v)) {
          return false;
        }
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
    return high > 0 && high / low >= 10;
  }

  /**
   * Adds a series with one more point, on the line between its first two distinct x values. XChart puts
   * a tick on every x value when they are equally spaced (bin edges, steps), which crowds the axis with
   * odd numbers; the extra point breaks the even spacing without changing the drawn line, so the axis
   * gets round ticks.
   */
  private static XYSeries addUnevenly(XYChart chart, String name, double[] x, double[] y) {
    for (int i = 0; i + 1 < x.length; i++) {
      if (x[i + 1] > x[i]) {
        double[] xs = new double[x.length + 1];
        double[] ys = new double[y.length + 1];
        System.arraycopy(x, 0, xs, 0, i + 1);
        System.arraycopy(y, 0, ys, 0, i + 1);
        xs[i + 1] = x[i] + (x[i + 1] - x[i]) / 3;
        ys[i + 1] = y[i] + (y[i + 1] - y[i]) / 3;
        System.arraycopy(x, i + 1, xs, i + 2, x.length - i - 1);
        System.arraycopy(y, i + 1, ys, i + 2, y.length - i - 1);
        return chart.addSeries(name, xs, ys);
      }
    }
    return chart.addSeries(name, x, y);
  }

  private static void legendBelow(Styler styler) {
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
  }

  private static void style(Styler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(Palette.GRID);
    styler.setChartTitleFont(TITLE);
    styler.setLegendFont(TEXT);
    styler.setLegendBorderColor(Palette.GRID);
    styler.setChartTitleBoxVisible(false);
    styler.setAntiAlias(true);
    styler.setTextAntiAlias(true);
    styler.setLocale(java.util.Locale.ROOT);
    if (styler instanceof AxesChartStyler axes) {
      axes.setAxisTickLabelsFont(TEXT);
      axes.setAxisTitleFont(TEXT);
      axes.setPlotGridLinesColor(Palette.GRID);
      axes.setAxisTickMarksColor(Color.GRAY);
    }
  }
}
