package dev.shifter.spark.internal;

import dev.shifter.api.MergeableMetaFeature;
import dev.shifter.api.MetaFeature;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.RowBlock;
import dev.shifter.commons.Seeds;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * Summarizes one partition in a single read of its rows: counts, the mergeable features' summaries over
 * blocks of complete rows, the quantile sketches and the rows with the smallest seeded keys; and merges
 * two summaries. A feature that throws is recorded as failed and the others go on.
 */
public final class PartitionSummarizer
    implements Function2<Integer, Iterator<Row>, Iterator<PartitionSummary>> {
  private static final long serialVersionUID = 1L;

  /** Rows per block handed to a mergeable feature. */
  static final int BLOCK_ROWS = 4_096;

  private static volatile @Nullable MetaFeatureRegistry registry;

  private final SummaryPlan plan;

  /**
   * Creates the summarizer.
   *
   * @param plan what to summarize
   */
  public PartitionSummarizer(SummaryPlan plan) {
    this.plan = plan;
  }

  @Override
  public Iterator<PartitionSummary> call(Integer partition, Iterator<Row> rows) {
    return List.of(summarize(partition, rows)).iterator();
  }

  private PartitionSummary summarize(int partition, Iterator<Row> rows) {
    ColumnLayout layout = plan.layout();
    PartitionSummary summary = new PartitionSummary(layout, plan.sketches(), plan.relativeError());
    Blocks continuous = new Blocks(layout, false);
    Blocks whole = new Blocks(layout, true);
    SplittableRandom keys = new SplittableRandom(Seeds.derive(plan.seed(), partition));
    PriorityQueue<SampledRow> sample = new PriorityQueue<>((a, b) -> Double.compare(b.key(), a.key()));
    int d = layout.continuousNames().size();
    int c = layout.categoricalNames().size();
    double[] values = new double[d];
    @Nullable String[] texts = new String[c + 1];
    while (rows.hasNext()) {
      Row row = rows.next();
      summary.rows++;
      boolean completeContinuous = true;
      for (int j = 0; j < d; j++) {
        values[j] = layout.continuous(row, j);
        if (Double.isNaN(values[j])) {
          completeContinuous = false;
        } else {
          summary.continuousValues[j]++;
        }
      }
      boolean complete = completeContinuous;
      for (int j = 0; j < c; j++) {
        texts[j] = layout.categorical(row, j);
        if (texts[j] == null) {
          complete = false;
        } else {
          summary.categoricalValues[j]++;
        }
      }
      texts[c] = layout.label(row);
      if (layout.labelName() != null && texts[c] == null) {
        complete = false;
      }
      if (completeContinuous) {
        summary.continuousRows++;
        for (int j = 0; j < summary.sketches.length; j++) {
          QuantileSketch sketch = summary.sketches[j];
          if (sketch != null) {
            sketch.add(values[j]);
          }
        }
        if (continuous.add(values, texts)) {
          flush(continuous, plan.continuousFeatures(), summary);
        }
      }
      if (complete) {
        summary.wholeRows++;
        if (whole.add(values, texts)) {
          flush(whole, plan.wholeFeatures(), summary);
        }
      }
      if (plan.sampleRows() > 0) {
        double key = keys.nextDouble();
        if (sample.size() < plan.sampleRows() || key < sample.peek().key()) {
          sample.add(new SampledRow(key, values.clone(), texts.clone()));
          if (sample.size() > plan.sampleRows()) {
            sample.poll();
          }
        }
      }
    }
    flush(continuous, plan.continuousFeatures(), summary);
    flush(whole, plan.wholeFeatures(), summary);
    for (QuantileSketch sketch : summary.sketches) {
      if (sketch != null) {
        sketch.compress();
      }
    }
    summary.sample = new ArrayList<>(sample);
    summary.trimSample(plan.sampleRows());
    return summary;
  }

  /**
   * Merges two summaries of disjoint parts.
   *
   * @param left one summary, reused for the result
   * @param right the other
   * @return both merged
   */
  public PartitionSummary merge(PartitionSummary left, PartitionSummary right) {
    left.rows += right.rows;
    left.continuousRows += right.continuousRows;
    left.wholeRows += right.wholeRows;
    for (int j = 0; j < left.continuousValues.length; j++) {
      left.continuousValues[j] += right.continuousValues[j];
    }
    for (int j = 0; j < left.categoricalValues.length; j++) {
      left.categoricalValues[j] += right.categoricalValues[j];
    }
    right.failures.forEach(left.failures::putIfAbsent);
    List<String> names = new ArrayList<>(plan.continuousFeatures());
    names.addAll(plan.wholeFeatures());
    for (String name : names) {
      if (left.failures.containsKey(name)) {
        left.summaries.remove(name);
        continue;
      }
      Serializable a = left.summaries.get(name);
      Serializable b = right.summaries.get(name);
      if (b == null) {
        continue;
      }
      if (a == null) {
        left.summaries.put(name, b);
        continue;
      }
      try {
        left.summaries.put(name, mergeable(name).merge(a, b));
      } catch (RuntimeException e) {
        fail(left, name, e);
      }
    }
    for (int j = 0; j < left.sketches.length; j++) {
      QuantileSketch a = left.sketches[j];
      QuantileSketch b = right.sketches[j];
      if (a != null && b != null) {
        a.merge(b);
      }
    }
    left.sample.addAll(right.sample);
    left.trimSample(plan.sampleRows());
    return left;
  }

  private void flush(Blocks blocks, List<String> features, PartitionSummary summary) {
    RowBlock block = blocks.take();
    if (block == null) {
      return;
    }
    for (String name : features) {
      if (summary.failures.containsKey(name)) {
        continue;
      }
      try {
        MergeableMetaFeature<Serializable> feature = mergeable(name);
        Serializable part = feature.summarize(block);
        Serializable sofar = summary.summaries.get(name);
        summary.summaries.put(name, sofar == null ? part : feature.merge(sofar, part));
      } catch (RuntimeException e) {
        fail(summary, name, e);
      }
    }
  }

  private static void fail(PartitionSummary summary, String name, RuntimeException e) {
    summary.summaries.remove(name);
    summary.failures.putIfAbsent(name, e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  @SuppressWarnings("unchecked")
  private static MergeableMetaFeature<Serializable> mergeable(String name) {
    MetaFeature feature = registry().get(name).feature();
    return (MergeableMetaFeature<Serializable>) feature;
  }

  /**
   * The meta-features installed on this JVM's class path (an executor's: plug-ins travel with
   * {@code --jars}), loaded once.
   *
   * @return the registry
   */
  public static MetaFeatureRegistry registry() {
    MetaFeatureRegistry loaded = registry;
    if (loaded == null) {
      synchronized (PartitionSummarizer.class) {
        loaded = registry;
        if (loaded == null) {
          loaded = MetaFeatureRegistry.loadInstalled();
          registry = loaded;
        }
      }
    }
    return loaded;
  }

  /** Buffers complete rows column by column until a block is full. */
  private static final class Blocks {
    private final ColumnLayout layout;
    private final boolean whole;
    private double[][] continuous;
    private String[][] categorical;
    private String[] label;
    private int size;

    Blocks(ColumnLayout layout, boolean whole) {
      this.layout = layout;
      this.whole = whole;
      continuous = new double[layout.continuousNames().size()][BLOCK_ROWS];
      categorical = new String[whole ? layout.categoricalNames().size() : 0][BLOCK_ROWS];
      label = new String[whole && layout.labelName() != null ? BLOCK_ROWS : 0];
    }

    /** Adds a row; tells whether the block is full. */
    boolean add(double[] values, @Nullable String[] texts) {
      for (int j = 0; j < continuous.length; j++) {
        continuous[j][size] = values[j];
      }
      for (int j = 0; j < categorical.length; j++) {
        categorical[j][size] = Objects.requireNonNull(texts[j]);
      }
      if (label.length > 0) {
        label[size] = Objects.requireNonNull(texts[texts.length - 1]);
      }
      size++;
      return size == BLOCK_ROWS;
    }

    /** Hands out the buffered rows as a block and starts a new one; null when none is buffered. */
    @Nullable RowBlock take() {
      if (size == 0) {
        return null;
      }
      double[][] c = new double[continuous.length][];
      for (int j = 0; j < c.length; j++) {
        c[j] = Arrays.copyOf(continuous[j], size);
      }
      String[][] s = new String[categorical.length][];
      for (int j = 0; j < s.length; j++) {
        s[j] = Arrays.copyOf(categorical[j], size);
      }
      String labelName = whole ? layout.labelName() : null;
      RowBlock block = new RowBlock(layout.continuousNames(), c, whole ? layout.categoricalNames() : List.of(), s,
          labelName, labelName == null ? new String[0] : Arrays.copyOf(label, size), size);
      size = 0;
      return block;
    }
  }
}
