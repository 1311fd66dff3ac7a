package dev.shifter.shift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shifter.api.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The axes of a sweep and the points on them. The JSON form has the shape of a target file with
 * {@code [low, high, steps]} per entry: {@code {"cor": {"age~hours-per-week": [0.1, 0.6, 6]},
 * "freq": {"income=>50K": [0.2, 0.5, 4]}}}; {@code [low, high]} means 2 steps.
 */
public final class SweepGrid {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<SweepAxis> axes;

  private SweepGrid(List<SweepAxis> axes) {
    if (axes.isEmpty()) {
      throw new InvalidInputException("The sweep grid has no entries: give at least one, e.g. "
          + "{\"mean\": {\"age\": [35, 45, 5]}}.");
    }
    this.axes = List.copyOf(axes);
  }

  /**
   * Creates a grid from its axes.
   *
   * @param axes at least one axis
   * @return the grid
   * @throws InvalidInputException if there is none
   */
  public static SweepGrid of(List<SweepAxis> axes) {
    return new SweepGrid(axes);
  }

  /**
   * Parses a grid from JSON.
   *
   * @param json the grid's text
   * @param source what the text is, for messages (a file name)
   * @return the grid
   * @throws InvalidInputException if the text is not of the grid's shape; the message says where
   */
  public static SweepGrid parse(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new InvalidInputException(source + " is not valid JSON (" + String.valueOf(e.getMessage()).lines()
          .findFirst().orElse("") + "). Write it as {\"feature\": {\"column\": [low, high, steps]}}.", e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidInputException(source + " must be a JSON object {\"feature\": {\"column\": [low, high, "
          + "steps]}}.");
    }
    List<SweepAxis> axes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> features = root.fields(); features.hasNext(); ) {
      Map.Entry<String, JsonNode> feature = features.next();
      if (!feature.getValue().isObject()) {
        throw new InvalidInputException(source + ": \"" + feature.getKey() + "\" must map columns to [low, high, "
            + "steps], e.g. {\"" + feature.getKey() + "\": {\"age\": [35, 45, 5]}}.");
      }
      for (Iterator<Map.Entry<String, JsonNode>> keys = feature.getValue().fields(); keys.hasNext(); ) {
        Map.Entry<String, JsonNode> key = keys.next();
        axes.add(axis(feature.getKey(), key.getKey(), key.getValue(), source));
      }
    }
    return new SweepGrid(axes);
  }

  private static SweepAxis axis(String feature, String key, JsonNode value, String source) {
    String where = source + ": " + feature + "[" + key + "]";
    if (!value.isArray() || value.size() < 2 || value.size() > 3) {
      throw new InvalidInputException(where + " must be [low, high, steps] or [low, high], got " + value + ".");
    }
    for (JsonNode number : value) {
      if (!number.isNumber()) {
        throw new InvalidInputException(where + " must hold numbers, got " + value + ".");
      }
    }
    if (value.size() == 3 && !value.get(2).canConvertToExactIntegral()) {
      throw new InvalidInputException(where + ": the number of steps must be a whole number, got " + value.get(2)
          + ".");
    }
    int steps = value.size() == 3 ? value.get(2).asInt() : 2;
    return new SweepAxis(feature, key, value.get(0).asDouble(), value.get(1).asDouble(), steps);
  }

  /**
   * Reads a grid from a JSON file.
   *
   * @param file the file
   * @return the grid
   * @throws InvalidInputException if the file is missing or not of the grid's shape
   */
  public static SweepGrid read(Path file) {
    try {
      return parse(Files.readString(file), "The sweep grid " + file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("The sweep grid " + file + " does not exist. Check the path.", e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read the sweep grid " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the axes in the order of the JSON.
   *
   * @return the axes
   */
  public List<SweepAxis> axes() {
    return axes;
  }

  /**
   * Returns the box the points lie in, as the target range a Shifter trains on.
   *
   * @return one range entry per axis, {@code [low, high]}
   */
  public Targets box() {
    return Targets.range(axes.stream().map(a -> TargetEntry.range(a.feature(), a.key(), a.low(), a.high()))
        .toList());
  }

  /**
   * Returns every combination of the axes' values, the last axis changing fastest.
   *
   * @return the points, numbered from 1
   */
  public List<SweepPoint> product() {
    List<SweepPoint> points = new ArrayList<>();
    int[] index = new int[axes.size()];
    long total = 1;
    for (SweepAxis axis : axes) {
      total *= axis.steps();
    }
    if (total > 100_000) {
      throw new InvalidInputException("The sweep grid has " + total + " points, more than 100,000: use fewer steps, "
          + "or a Latin hypercube of as many points as you need.");
    }
    for (int id = 1; id <= total; id++) {
      List<Double> values = new ArrayList<>();
      for (int a = 0; a < axes.size(); a++) {
        values.add(axes.get(a).values().get(index[a]));
      }
      points.add(new SweepPoint(id, values));
      for (int a = axes.size() - 1; a >= 0 && ++index[a] == axes.get(a).steps(); a--) {
        index[a] = 0;
      }
    }
    return points;
  }

  /**
   * Returns a Latin hypercube over the box: each axis's range is cut into {@code count} equal strata, and
   * each stratum of each axis holds exactly one point (at a uniform position inside it), the strata of
   * the axes paired by independent random permutations.
   *
   * @param count the number of points, at least 1
   * @param seed the seed of the positions and permutations
   * @return the points, numbered from 1
   */
  public List<SweepPoint> latinHypercube(int count, long seed) {
    if (count < 1) {
      throw new InvalidInputException("A Latin hypercube needs at least 1 point, got " + count + ": ask for 1 point or more.");
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[][] fractions = new double[axes.size()][count];
    for (int a = 0; a < axes.size(); a++) {
      int[] strata = new int[count];
      for (int i = 0; i < count; i++) {
        strata[i] = i;
      }
      for (int i = count - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = strata[i];
        strata[i] = strata[j];
        strata[j] = t;
      }
      for (int i = 0; i < count; i++) {
        fractions[a][i] = (strata[i] + random.nextDouble()) / count;
      }
    }
    List<SweepPoint> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<Double> values = new ArrayList<>();
      for (int a = 0; a < axes.size(); a++) {
        values.add(axes.get(a).at(fractions[a][i]));
      }
      points.add(new SweepPoint(i + 1, values));
    }
    return points;
  }
}
