package dev.shifter.eval.internal;

import dev.shifter.api.ColumnKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * Turns table rows into classifier features, with statistics fitted on training rows only.
 *
 * <ul>
 *   <li>A continuous column becomes one feature, standardised with the training rows' mean and
 *       standard deviation (population; 1 when it is 0). A missing value becomes 0 (the training mean)
 *       plus a "missing" indicator feature with value 1.
 *   <li>A categorical column becomes a one-hot group: one feature per category, a missing value being
 *       a category of its own. A category the training rows never had activates no feature.
 * </ul>
 *
 * Features are sparse Tribuo features named by column index, so column names never clash.
 */
public final class FeatureEncoder {
  private final int[] columns;
  private final ColumnKind[] kinds;
  private final double[] means;
  private final double[] scales;
  private final String[] continuousNames;
  private final String[] missingNames;
  private final List<Map<String, String>> categoryNames;
  private final int width;

  private FeatureEncoder(int[] columns, ColumnKind[] kinds, double[] means, double[] scales, int width) {
    this.columns = columns;
    this.kinds = kinds;
    this.means = means;
    this.scales = scales;
    this.width = width;
    this.continuousNames = new String[columns.length];
    this.missingNames = new String[columns.length];
    this.categoryNames = new ArrayList<>(columns.length);
    for (int f = 0; f < columns.length; f++) {
      continuousNames[f] = "x" + columns[f];
      missingNames[f] = "x" + columns[f] + "?missing";
      categoryNames.add(new HashMap<>());
    }
  }

  /**
   * Fits the standardisation on the given rows.
   *
   * @param data the table
   * @param rows the training rows
   * @param columns the feature columns
   * @return the encoder
   */
  public static FeatureEncoder fit(ColumnArrays data, int[] rows, int[] columns) {
    ColumnKind[] kinds = new ColumnKind[columns.length];
    double[] means = new double[columns.length];
    double[] scales = new double[columns.length];
    int width = 0;
    for (int f = 0; f < columns.length; f++) {
      kinds[f] = data.column(columns[f]).kind();
      if (kinds[f] == ColumnKind.CONTINUOUS) {
        width += fitContinuous(data.numbers(columns[f]), rows, means, scales, f);
      } else {
        Set<String> seen = new HashSet<>();
        boolean missing = false;
        for (int row : rows) {
          String label = data.labels(columns[f])[row];
          if (label == null) {
            missing = true;
          } else {
            seen.add(label);
          }
        }
        width += seen.size() + (missing ? 1 : 0);
      }
    }
    return new FeatureEncoder(columns.clone(), kinds, means, scales, width);
  }

  /** Fits one continuous column; returns its number of features (1, or 2 with a missing indicator). */
  private static int fitContinuous(double[] values, int[] rows, double[] means, double[] scales, int f) {
    double sum = 0;
    int count = 0;
    for (int row : rows) {
      if (!Double.isNaN(values[row])) {
        sum += values[row];
        count++;
      }
    }
    double mean = count == 0 ? 0 : sum / count;
    double squares = 0;
    for (int row : rows) {
      if (!Double.isNaN(values[row])) {
        squares += (values[row] - mean) * (values[row] - mean);
      }
    }
    double sd = count == 0 ? 0 : Math.sqrt(squares / count);
    means[f] = mean;
    scales[f] = sd > 0 && Double.isFinite(sd) ? sd : 1;
    return count < rows.length ? 2 : 1;
  }

  /**
   * Returns the number of distinct features the training rows produced.
   *
   * @return the encoded width
   */
  public int width() {
    return width;
  }

  /**
   * Encodes one row.
   *
   * @param data a table with the training table's columns
   * @param row the row
   * @param output the example's label
   * @return the example
   */
  public Example<Label> encode(ColumnArrays data, int row, Label output) {
    String[] names = new String[2 * columns.length];
    double[] values = new double[2 * columns.length];
    int count = 0;
    for (int f = 0; f < columns.length; f++) {
      if (kinds[f] == ColumnKind.CONTINUOUS) {
        double value = data.numbers(columns[f])[row];
        names[count] = continuousNames[f];
        if (Double.isNaN(value)) {
          values[count++] = 0;
          names[count] = missingNames[f];
          values[count++] = 1;
        } else {
          values[count++] = (value - means[f]) / scales[f];
        }
      } else {
        String label = data.labels(columns[f])[row];
        int column = columns[f];
        names[count] = label == null ? missingNames[f]
            : categoryNames.get(f).computeIfAbsent(label, l -> "x" + column + "=" + l);
        values[count++] = 1;
      }
    }
    return new ArrayExample<>(output, Arrays.copyOf(names, count), Arrays.copyOf(values, count));
  }

  /**
   * Encodes rows.
   *
   * @param data a table with the training table's columns
   * @param rows the rows
   * @param outputs each row's label
   * @return the examples, in row order
   */
  public List<Example<Label>> encode(ColumnArrays data, int[] rows, Label[] outputs) {
    List<Example<Label>> examples = new ArrayList<>(rows.length);
    for (int i = 0; i < rows.length; i++) {
      examples.add(encode(data, rows[i], outputs[i]));
    }
    return examples;
  }
}
