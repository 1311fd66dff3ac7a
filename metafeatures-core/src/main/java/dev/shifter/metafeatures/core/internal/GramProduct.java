package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * The Gram matrix {@code a^T a} of an {@code n x d} matrix: accurate in float32 over millions of rows,
 * and cheap to differentiate.
 *
 * <p><b>Value.</b> The CPU matrix product accumulates each entry sequentially, which in float32 costs
 * about 40 units in the last place over 20,000 rows (correlations off by {@code 5e-6}). So the rows are
 * cut into blocks of {@value #BLOCK_ROWS} (or of {@code d} rows if {@code d} is larger, so that the
 * {@code d x d} results of all blocks together never take more memory than {@code a}), one batched
 * matrix product gives each block's matrix and a (cascaded) sum adds the blocks; the last rows that do
 * not fill a block get one plain product of their own (a view, no padding copy). That is about 30 times
 * more accurate for the same work, and as fast as one plain product.
 *
 * <p><b>Gradient.</b> Backward through that batched product would cost about two and a half times a
 * plain one. The gradient of {@code a^T a}, {@code a (g + g^T)}, is short sums ({@code d} terms per
 * entry), so it needs no blocking: the value is computed from the detached input, and the gradient comes
 * from a plain product whose value is cancelled, {@code value + (s - detach(s))}: the forward numbers
 * are exactly the accurate value, the gradient is that of {@code s}. (The plain product is computed in
 * forward-only calls too: DJL offers no engine-neutral way to ask whether autograd is recording, and
 * {@code hasGradient()} is false for PyTorch results that do have a graph. It costs about as much as
 * the blocked product, a fraction of one elementwise pass.)
 */
final class GramProduct {
  /** Rows per block of the batched matrix product: {@value}. */
  static final int BLOCK_ROWS = 256;

  private GramProduct() {}

  /**
   * Returns {@code a^T a} with its full gradient {@code a (g + g^T)}.
   *
   * @param workspace the computation's workspace
   * @param a an {@code n x d} matrix in the workspace
   * @return the {@code d x d} matrix
   */
  static NDArray of(Workspace workspace, NDArray a) {
    NDArray detached = a.stopGradient();
    NDArray value = blocked(workspace, detached);
    // d(sum(g * a_d^T a))/da = a_d g; adding the transpose gives the full a (g + g^T).
    NDArray half = detached.transpose().matMul(a);
    NDArray surrogate = half.add(half.transpose());
    return value.add(surrogate.sub(surrogate.stopGradient()));
  }

  /** The blocked product {@code a^T a} of a detached matrix. */
  private static NDArray blocked(Workspace workspace, NDArray a) {
    int rows = workspace.rows();
    int columns = workspace.columns();
    int blockRows = Math.max(BLOCK_ROWS, columns);
    int blocks = rows / blockRows;
    if (blocks == 0) {
      return a.transpose().matMul(a);
    }
    int head = blocks * blockRows;
    NDArray stacked = (head == rows ? a : a.get(new NDIndex(":" + head))).reshape(blocks, blockRows, columns);
    NDArray sum = stacked.transpose(0, 2, 1).matMul(stacked).sum(new int[] {0});
    if (head == rows) {
      return sum;
    }
    NDArray tail = a.get(new NDIndex(head + ":"));
    return sum.add(tail.transpose().matMul(tail));
  }
}
