package dev.shifter.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

  @Test
  void foldsKeepTheClassSharesAndDifferInSizeByAtMostOne() {
    int[] classes = new int[100];
    for (int i = 0; i < 30; i++) {
      classes[i] = 1;
    }

    int[] fold = StratifiedSplit.folds(classes, 2, 3, 7);

    int[][] counts = new int[3][2];
    for (int i = 0; i < classes.length; i++) {
      counts[fold[i]][classes[i]]++;
    }
    for (int[] count : counts) {
      assertThat(count[1]).isEqualTo(10);
      assertThat(count[0]).isBetween(23, 24);
    }
  }

  @Test
  void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
    int[] classes = new int[50];

    assertThat(StratifiedSplit.folds(classes, 1, 3, 1)).isEqualTo(StratifiedSplit.folds(classes, 1, 3, 1));
    assertThat(StratifiedSplit.folds(classes, 1, 3, 1)).isNotEqualTo(StratifiedSplit.folds(classes, 1, 3, 2));
  }

  @Test
  void holdOutTakesTheShareOfEachClassAndLeavesUnlabelledRowsOut() {
    int[] classes = new int[60];
    for (int i = 0; i < 10; i++) {
      classes[i] = 1;
    }
    classes[59] = -1;

    int[] part = StratifiedSplit.holdOut(classes, 2, 0.2, 3);

    int[] held = new int[2];
    for (int i = 0; i < classes.length; i++) {
      if (part[i] == 1) {
        held[classes[i]]++;
      }
    }
    assertThat(held).containsExactly(10, 2);
    assertThat(part[59]).isEqualTo(-1);
  }
}
