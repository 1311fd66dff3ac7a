package dev.shifter.eval.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded stratified splits: every class is shuffled on its own and spread over the parts in
 * proportion, so each part keeps the class shares of the whole.
 */
public final class StratifiedSplit {
  private StratifiedSplit() {}

  /**
   * Assigns each row to one of {@code k} folds. Within a class the shuffled rows are dealt to the
   * folds in turn, the deal continuing where the previous class stopped, so fold sizes differ by at
   * most one and each class's count per fold by at most one.
   *
   * @param classes each row's class, {@code 0 <= c < classCount}
   * @param classCount the number of classes
   * @param k the number of folds, at least 2
   * @param seed the shuffle's seed
   * @return each row's fold in {@code [0, k)}
   */
  public static int[] folds(int[] classes, int classCount, int k, long seed) {
    int[] fold = new int[classes.length];
    int dealt = 0;
    SplittableRandom random = new SplittableRandom(seed);
    for (List<Integer> rows : shuffledByClass(classes, classCount, random)) {
      for (int row : rows) {
        fold[row] = dealt % k;
        dealt++;
      }
    }
    return fold;
  }

  /**
   * Holds out a share of each class.
   *
   * @param classes each row's class, {@code 0 <= c < classCount}, or -1 for a row to leave out of both parts
   * @param classCount the number of classes
   * @param fraction the share of each class to hold out, rounded to the nearest row
   * @param seed the shuffle's seed
   * @return for each row 1 if held out (test), 0 if kept (train), -1 if left out
   */
  public static int[] holdOut(int[] classes, int classCount, double fraction, long seed) {
    int[] part = new int[classes.length];
    for (int i = 0; i < classes.length; i++) {
      part[i] = classes[i] < 0 ? -1 : 0;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (List<Integer> rows : shuffledByClass(classes, classCount, random)) {
      long held = Math.round(fraction * rows.size());
      for (int k = 0; k < held; k++) {
        part[rows.get(k)] = 1;
      }
    }
    return part;
  }

  private static List<List<Integer>> shuffledByClass(int[] classes, int classCount, SplittableRandom random) {
    List<List<Integer>> byClass = new ArrayList<>(classCount);
    for (int c = 0; c < classCount; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < classes.length; i++) {
      if (classes[i] >= 0) {
        byClass.get(classes[i]).add(i);
      }
    }
    for (List<Integer> rows : byClass) {
      for (int i = rows.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Integer swap = rows.get(i);
        rows.set(i, rows.get(j));
        rows.set(j, swap);
      }
    }
    return byClass;
  }
}
