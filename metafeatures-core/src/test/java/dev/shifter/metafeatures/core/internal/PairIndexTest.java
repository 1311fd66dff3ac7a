package dev.shifter.metafeatures.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairIndexTest {

  @Test
  void upperTriangleIsInRowMajorPairOrder() {
    // (0,1) (0,2) (0,3) (1,2) (1,3) (2,3) in a 4 x 4 matrix.
    assertThat(PairIndex.flatUpperTriangle(4)).containsExactly(1, 2, 3, 6, 7, 11);
  }

  @Test
  void oneColumnHasNoPairsAndTheCacheFollowsTheColumnCount() {
    assertThat(PairIndex.flatUpperTriangle(1)).isEmpty();
    assertThat(PairIndex.flatUpperTriangle(3)).containsExactly(1, 2, 5);
    assertThat(PairIndex.flatUpperTriangle(3)).isSameAs(PairIndex.flatUpperTriangle(3));
    assertThat(PairIndex.flatUpperTriangle(2)).containsExactly(1);
  }

  @Test
  void diagonalSkipsOneRowAndOneColumnAtATime() {
    assertThat(PairIndex.flatDiagonal(3)).containsExactly(0, 4, 8);
  }
}
