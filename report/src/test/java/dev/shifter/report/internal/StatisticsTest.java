package dev.shifter.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  private static double area(Histogram histogram, int sample) {
    double[] edges = histogram.edges();
    double sum = 0;
    for (int b = 0; b + 1 < edges.length; b++) {
      sum += histogram.densities().get(sample)[b] * (edges[b + 1] - edges[b]);
    }
    return sum;
  }

  @Test
  void histogramsShareTheirBinsAndEachIntegratesToOne() {
    Random random = new Random(1);
    double[] small = new double[300];
    double[] large = new double[2000];
    for (int i = 0; i < small.length; i++) {
      small[i] = random.nextGaussian();
    }
    for (int i = 0; i < large.length; i++) {
      large[i] = 1 + 2 * random.nextGaussian();
    }
    large[0] = 1e6;

    Histogram histogram = Histogram.of(List.of(small, large, new double[0]));

    assertThat(histogram.edges()).hasSize(Histogram.BINS + 1).isSorted();
    assertThat(area(histogram, 0)).isCloseTo(1, within(1e-9));
    assertThat(area(histogram, 1)).isCloseTo(1, within(1e-9));
    assertThat(histogram.densities().get(2)).containsOnly(0.0);
    assertThat(histogram.edges()[Histogram.BINS]).as("the outlier does not stretch the bins").isLessThan(20);
    assertThat(histogram.clipped()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void wholeNumbersGetWholeBinsCentredOnThem() {
    double[] dice = new double[600];
    double[] ages = new double[600];
    for (int i = 0; i < dice.length; i++) {
      dice[i] = 1 + i % 6;
      ages[i] = 17 + i % 74;
    }

    Histogram die = Histogram.of(List.of(dice));
    Histogram age = Histogram.of(List.<double[]>of(ages));

    assertThat(die.edges()).containsExactly(0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5);
    assertThat(die.densities().get(0)).containsOnly(1.0 / 6);
    double[] edges = age.edges();
    assertThat(edges[1] - edges[0]).isEqualTo(2.0);
    assertThat(edges[0]).isEqualTo(16.5);
    assertThat(area(age, 0)).isCloseTo(1, within(1e-9));
  }

  @Test
  void theFifteenLargestCategoriesAreShownAndTheRestGrouped() {
    List<@Nullable String> labels = new ArrayList<>();
    for (int c = 0; c < 20; c++) {
      for (int k = 0; k < 20 - c; k++) {
        labels.add("c" + c);
      }
    }
    labels.add(null);
    @Nullable String[] first = labels.toArray(new String[0]);
    @Nullable String[] second = {"c0", "c0", "new"};

    CategoryShares shares = CategoryShares.of(List.of(first, second));

    // Ranked by the share summed over the tables: "new" is a third of the second table.
    assertThat(shares.categories()).hasSize(16).startsWith("c0", "new", "c1").endsWith("other (7)");
    assertThat(shares.grouped()).isEqualTo(7);
    for (double[] table : shares.shares()) {
      assertThat(Arrays.stream(table).sum()).isCloseTo(1, within(1e-12));
    }
    assertThat(shares.shares().get(1)[0]).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(CategoryShares.of(List.<@Nullable String[]>of(new String[] {"a", null})).categories())
        .containsExactly("(missing)", "a");
  }

  @Test
  void oneCategoryBeyondTheFifteenIsShownRatherThanGrouped() {
    List<String> labels = new ArrayList<>();
    for (int c = 0; c < 16; c++) {
      labels.add("c" + c);
    }

    CategoryShares shares = CategoryShares.of(List.<@Nullable String[]>of(labels.toArray(new String[0])));

    assertThat(shares.categories()).hasSize(16).doesNotContain("other (1)");
    assertThat(shares.grouped()).isZero();
  }

  @Test
  void correlationsUsePairwiseCompleteRowsAndAConstantColumnHasNone() {
    try (BufferAllocator allocator = new RootAllocator();
        TableBuilder builder = new TableBuilder(allocator);
        Table table = builder.addContinuous("a", new double[] {1, 2, 3, 4, Double.NaN})
            .addContinuous("b", new double[] {2, 4, 6, 8, 100})
            .addContinuous("c", new double[] {4, 3, 2, 1, 0})
            .addContinuous("k", new double[] {5, 5, 5, 5, 5}).build()) {
      Correlations.Matrix matrix = Correlations.pearson(table, List.of("a", "b", "c", "k"));

      double[][] r = matrix.values();
      assertThat(r[0][1]).isCloseTo(1, within(1e-12));
      assertThat(r[0][2]).isCloseTo(-1, within(1e-12));
      assertThat(r[1][0]).isEqualTo(r[0][1]);
      assertThat(r[3][0]).isZero();
      assertThat(r[3][3]).isZero();
      assertThat(matrix.undefined()).isEqualTo(3);
      assertThat(Correlations.difference(r, r)[0][2]).isZero();
    }
  }

  @Test
  void pageTextIsEscapedAndNumbersAreShort() {
    Page page = new Page();
    page.section("s", "A <b> & \"c\"", "how");
    page.table(List.of("h"), List.of(List.of(Cell.text("<script>"), Cell.number(1234567.891))));

    String html = page.html("t", null, "f");

    assertThat(html).contains("<h2>A &lt;b&gt; &amp; &quot;c&quot;</h2>", "<td>&lt;script&gt;</td>",
        "<td class=\"num\">1,234,568</td>").doesNotContain("<script>");
    assertThat(Numbers.format(0.123456)).isEqualTo("0.1235");
    assertThat(Numbers.format(12.3456)).isEqualTo("12.346");
    assertThat(Numbers.format(0.00001234)).isEqualTo("1.23e-05");
    assertThat(Numbers.format(Double.NaN)).isEqualTo("\u2013");
    assertThat(Numbers.tick(0.30000000000000004)).isEqualTo("0.3");
  }
}
