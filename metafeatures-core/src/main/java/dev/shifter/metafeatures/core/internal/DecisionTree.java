package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.types.DataType;
import dev.shifter.api.CategoricalBlock;
import dev.shifter.api.TableView;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A classification tree grown as scikit-learn's {@code DecisionTreeClassifier} grows it with its defaults
 * (pymfe's model-based features): Gini impurity, the best split over every feature, thresholds halfway between
 * consecutive distinct values (more than 1e-7 apart), a node split until it is pure or has one row. Features
 * are the continuous columns and one 0/1 column per category of each categorical attribute. Ties between
 * equally good splits go to the first feature in column order (scikit-learn visits features in a random
 * order), so the tree can differ from scikit-learn's where splits tie.
 */
public final class DecisionTree {
  private static final double FEATURE_THRESHOLD = 1e-7;
  private static final Object LAST_LOCK = new Object();
  private static WeakReference<TableView> lastView = new WeakReference<>(null);
  private static @Nullable Tree lastTree;

  /**
   * One node of the grown tree.
   *
   * @param depth its depth, 0 at the root
   * @param leaf whether it is a leaf
   * @param predicted the class a leaf predicts (its most frequent class; the lowest index on ties), or -1
   */
  public record Node(int depth, boolean leaf, int predicted) {}

  /**
   * The grown tree.
   *
   * @param nodes every node, depth first
   * @param features the number of features the tree was grown on
   * @param classes the number of classes
   */
  public record Tree(List<Node> nodes, int features, int classes) {
    /**
     * The leaves.
     *
     * @return the leaf nodes
     */
    public List<Node> leaves() {
      return nodes.stream().filter(Node::leaf).toList();
    }
  }

  private final double[][] columns;
  private final int[] classes;
  private final int classCount;
  private final boolean[] goesLeft;
  private final List<Node> nodes = new ArrayList<>();

  private DecisionTree(double[][] columns, int[] classes, int classCount) {
    this.columns = columns;
    this.classes = classes;
    this.classCount = classCount;
    this.goesLeft = new boolean[classes.length];
  }

  /**
   * The tree of a view against its label. The four tree features are computed on the same view one after the
   * other, so the last view's tree is kept (by the view's identity, weakly) and grown once for all four.
   *
   * @param view the view
   * @param feature the feature's name, for the message without a label
   * @return the tree
   */
  public static Tree of(TableView view, String feature) {
    synchronized (LAST_LOCK) {
      Tree last = lastTree;
      if (last != null && lastView.get() == view) {
        return last;
      }
    }
    Tree tree = grow(view, feature);
    synchronized (LAST_LOCK) {
      lastView = new WeakReference<>(view);
      lastTree = tree;
    }
    return tree;
  }

  private static Tree grow(TableView view, String feature) {
    CategoricalBlock label = view.requireLabel(feature);
    int[] y = OneHot.codes(label.oneHot());
    int n = y.length;
    int d = view.continuousNames().size();
    double[] x = view.continuous().toType(DataType.FLOAT64, false).toDoubleArray();
    List<double[]> columns = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      double[] column = new double[n];
      for (int r = 0; r < n; r++) {
        column[r] = x[r * d + j];
      }
      columns.add(column);
    }
    for (CategoricalBlock block : view.categorical()) {
      int[] codes = OneHot.codes(block.oneHot());
      for (int k = 0; k < block.size(); k++) {
        double[] column = new double[n];
        for (int r = 0; r < n; r++) {
          column[r] = codes[r] == k ? 1 : 0;
        }
        columns.add(column);
      }
    }
    DecisionTree tree = new DecisionTree(columns.toArray(double[][]::new), y, label.size());
    int[][] sorted = new int[columns.size()][];
    for (int f = 0; f < columns.size(); f++) {
      double[] column = columns.get(f);
      sorted[f] = Arrays.stream(boxed(n)).sorted(Comparator.comparingDouble(r -> column[r]))
          .mapToInt(Integer::intValue).toArray();
    }
    tree.grow(sorted, 0);
    return new Tree(List.copyOf(tree.nodes), columns.size(), label.size());
  }

  private static Integer[] boxed(int n) {
    Integer[] rows = new Integer[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  private void grow(int[][] sorted, int depth) {
    int[] rows = sorted.length > 0 ? sorted[0] : new int[0];
    int m = rows.length;
    int[] counts = new int[classCount];
    for (int r : rows) {
      counts[classes[r]]++;
    }
    int majority = 0;
    int present = 0;
    for (int c = 0; c < classCount; c++) {
      if (counts[c] > counts[majority]) {
        majority = c;
      }
      if (counts[c] > 0) {
        present++;
      }
    }
    @Nullable Split split = m < 2 || present < 2 ? null : bestSplit(sorted, counts);
    if (split == null) {
      nodes.add(new Node(depth, true, majority));
      return;
    }
    nodes.add(new Node(depth, false, -1));
    int[] order = sorted[split.feature];
    for (int i = 0; i < m; i++) {
      goesLeft[order[i]] = i <= split.position;
    }
    int leftSize = split.position + 1;
    int[][] left = new int[sorted.length][leftSize];
    int[][] right = new int[sorted.length][m - leftSize];
    for (int f = 0; f < sorted.length; f++) {
      int l = 0;
      int rr = 0;
      for (int r : sorted[f]) {
        if (goesLeft[r]) {
          left[f][l++] = r;
        } else {
          right[f][rr++] = r;
        }
      }
    }
    grow(left, depth + 1);
    grow(right, depth + 1);
  }

  private record Split(int feature, int position) {}

  private @Nullable Split bestSplit(int[][] sorted, int[] counts) {
    int m = sorted[0].length;
    double best = Double.POSITIVE_INFINITY;
    @Nullable Split split = null;
    int[] left = new int[classCount];
    for (int f = 0; f < sorted.length; f++) {
      int[] order = sorted[f];
      double[] values = columns[f];
      if (values[order[m - 1]] <= values[order[0]] + FEATURE_THRESHOLD) {
        continue;
      }
      Arrays.fill(left, 0);
      long leftSquares = 0;
      long rightSquares = 0;
      for (int c = 0; c < classCount; c++) {
        rightSquares += (long) counts[c] * counts[c];
      }
      for (int i = 0; i < m - 1; i++) {
        int c = classes[order[i]];
        leftSquares += 2L * left[c] + 1;
        left[c]++;
        int rightCount = counts[c] - left[c];
        rightSquares -= 2L * rightCount + 1;
        if (values[order[i + 1]] <= values[order[i]] + FEATURE_THRESHOLD) {
          continue;
        }
        double nl = i + 1;
        double nr = m - nl;
        double impurity = (nl - leftSquares / nl) + (nr - rightSquares / nr);
        if (impurity < best) {
          best = impurity;
          split = new Split(f, i);
        }
      }
    }
    return split;
  }
}
