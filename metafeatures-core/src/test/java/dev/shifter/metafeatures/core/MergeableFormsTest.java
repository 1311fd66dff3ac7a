package dev.shifter.metafeatures.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MergeableMetaFeature;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.RowBlock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact mergeable forms of the moment and count features: summaries of uneven parts, serialized and
 * merged in a shuffled order, give the differentiable forms' values computed in double precision.
 */
class MergeableFormsTest {
  private static final List<String> NAMES = List.of("a", "b", "c", "d");
  private static final int ROWS = 2_000;

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"mean", "var", "sd", "skewness", "kurtosis", "cor", "cov", "gaussian_mi"})
  void mergedSummariesOfUnevenPartsGiveTheDoublePrecisionValue(String name) {
    double[][] rows = skewedRows(new Random(7));
    MetaFeature feature = Features.named(name);
    double[] expected = Features.compute(manager, feature, rows, DataType.FLOAT64);

    Map<String, Double> merged = mergedInParts(feature, rows, new Random(11));

    assertThat(merged).hasSize(expected.length);
    List<Double> values = new ArrayList<>(merged.values());
    for (int k = 0; k < expected.length; k++) {
      assertThat(values.get(k)).as(name + " entry " + k)
          .isCloseTo(expected[k], within(1e-9 * Math.max(1, Math.abs(expected[k]))));
    }
  }

  @Test
  void entriesAreKeyedAsTheArityLabelsThem() {
    double[][] rows = skewedRows(new Random(3));
    assertThat(mergedInParts(Features.named("skewness"), rows, new Random(1)).keySet())
        .containsExactlyElementsOf(NAMES);
    assertThat(mergedInParts(Features.named("cor"), rows, new Random(1)).keySet())
        .containsExactly("a~b", "a~c", "a~d", "b~c", "b~d", "c~d");
  }

  @Test
  void aConstantColumnGivesWhatTheDifferentiableFormGives() {
    double[][] rows = skewedRows(new Random(5));
    for (double[] row : rows) {
      row[2] = 4.5;
    }
    for (String name : List.of("skewness", "kurtosis", "cor", "gaussian_mi", "sd")) {
      MetaFeature feature = Features.named(name);
      double[] expected = Features.compute(manager, feature, rows, DataType.FLOAT64);
      List<Double> values = new ArrayList<>(mergedInParts(feature, rows, new Random(2)).values());
      for (int k = 0; k < expected.length; k++) {
        assertThat(values.get(k)).as(name + " entry " + k).isCloseTo(expected[k], within(1e-6));
      }
    }
  }

  @Test
  void categorySharesAndLabelEntropyCountEveryPart() {
    String[] colour = {"red", "blue", "red", "green", "red", "blue"};
    String[] label = {"y", "n", "y", "y", "n", "y"};
    Freq freq = new Freq();
    ClassEntropy entropy = new ClassEntropy();
    RowBlock first = block(colour, label, 0, 2);
    RowBlock second = block(colour, label, 2, 6);

    Map<String, Double> shares = freq.finish(roundTrip(freq.merge(freq.summarize(second), freq.summarize(first))));
    double h = entropy.finish(entropy.merge(entropy.summarize(first), entropy.summarize(second))).get("value");

    assertThat(shares).containsExactly(Map.entry("colour=blue", 2 / 6.0), Map.entry("colour=green", 1 / 6.0),
        Map.entry("colour=red", 3 / 6.0), Map.entry("class=n", 2 / 6.0), Map.entry("class=y", 4 / 6.0));
    double p = 4 / 6.0;
    assertThat(h).isCloseTo(-(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2), within(1e-12));
  }

  @Test
  void theLabelEntropyOfABlockWithoutALabelIsRefusedWithTheRemedy() {
    RowBlock block = new RowBlock(List.of(), new double[0][], List.of("colour"), new String[][] {{"red"}}, null,
        new String[0], 1);
    assertThatThrownBy(() -> new ClassEntropy().summarize(block))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a label column");
  }

  @Test
  void summariesOfDifferentColumnsAreNotMerged() {
    double[][] rows = skewedRows(new Random(1));
    Mean mean = new Mean();
    var left = mean.summarize(block(rows, 0, 10));
    var right = mean.summarize(RowBlock.ofContinuous(List.of("x"), new double[][] {{1, 2}}));
    assertThatThrownBy(() -> mean.merge(left, right)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("different columns");
  }

  /** Splits the rows into uneven parts, summarizes each, serializes them and merges them in a shuffled order. */
  @SuppressWarnings("unchecked")
  private static Map<String, Double> mergedInParts(MetaFeature feature, double[][] rows, Random random) {
    MergeableMetaFeature<Serializable> mergeable = (MergeableMetaFeature<Serializable>) feature;
    List<Serializable> parts = new ArrayList<>();
    int first = 0;
    while (first < rows.length) {
      int size = Math.min(rows.length - first, 1 + random.nextInt(600));
      parts.add(roundTrip(mergeable.summarize(block(rows, first, first + size))));
      first += size;
    }
    Collections.shuffle(parts, random);
    while (parts.size() > 1) {
      Serializable right = parts.remove(parts.size() - 1);
      int at = random.nextInt(parts.size());
      parts.set(at, mergeable.merge(parts.get(at), right));
    }
    return mergeable.finish(parts.get(0));
  }

  private static RowBlock block(double[][] rows, int from, int to) {
    double[][] columns = new double[NAMES.size()][to - from];
    for (int i = from; i < to; i++) {
      for (int j = 0; j < NAMES.size(); j++) {
        columns[j][i - from] = rows[i][j];
      }
    }
    return RowBlock.ofContinuous(NAMES, columns);
  }

  private static RowBlock block(String[] colour, String[] label, int from, int to) {
    String[][] categorical = {Arrays.copyOfRange(colour, from, to)};
    return new RowBlock(List.of(), new double[0][], List.of("colour"), categorical, "class",
        Arrays.copyOfRange(label, from, to), to - from);
  }

  /** Skewed, correlated columns far from zero, where a one-pass sum of powers would lose digits. */
  private static double[][] skewedRows(Random random) {
    double[][] rows = new double[ROWS][NAMES.size()];
    for (double[] row : rows) {
      double z = random.nextGaussian();
      row[0] = 1_000 + 10 * z;
      row[1] = Math.exp(0.5 * random.nextGaussian() + 0.3 * z);
      row[2] = random.nextInt(5) - 0.5 * z;
      row[3] = -3e4 + Math.pow(random.nextDouble(), 3) * 100;
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static <T extends Serializable> T roundTrip(T summary) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(summary);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
