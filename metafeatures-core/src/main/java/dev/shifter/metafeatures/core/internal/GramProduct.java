package dev.shifter.metafeatures.core.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * Column-by-column products {@code a^T b} of two {@code n x d} matrices: accurate in float32 over millions
 * of rows, and cheap to differentiate.
 *
 * <p><b>Value.</b> The CPU matrix product accumulates each entry sequentially, which in float32 costs
 * about 40 units in the last place over 20,000 rows (correlations off by {@code 5e-6}). So the rows are
 * cut into blocks of {@value #BLOCK_ROWS} (or {@code d}, if more, so that the {@code n/256} block
 * results of {@code d x d} never take more memory than the input), one batched matrix product gives each
 * block's matrix and a (cascaded) sum adds the blocks; the last rows that do not fill a block get one
 * plain product of their own (a view, no padding copy). That is about 30 times more accurate for the
 * same work, and as fast as one plain product.
 *
 * <p><b>Gradient.</b> Backward through that batched product would cost about two and a half times a
 * plain one. The gradient of {@code a^T b} is short sums ({@code d} terms per entry), so it needs no
 * blocking: the value is computed from detached inputs, and the gradient comes from a plain product
 * whose value is cancelled, {@code value + (s - detach(s))}: the forward numbers are exactly the
 * accurate value, the gradient is that of {@code s}. (The plain product is computed in forward-only
 * calls too: DJL offers no engine-neutral way to ask whether autograd is recording, and
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
    NDArray value = accurate(workspace, detached, detached);
    NDArray half = detached.transpose().matMul(a);
    return withGradientOf(value, half.add(half.transpose()));
  }

  /**
   * Returns {@code w^T b} for constant weights {@code w}, with the gradient {@code factor * w g} towards
   * {@code b} only. For a power sum {@code S_k = sum(b^k)} pass {@code w = b^(k-1)} (detached) and
   * {@code factor = k}: the gradient is then the exact {@code k b^(k-1) g}.
   *
   * @param workspace the computation's workspace
   * @param weights an {@code n x d} matrix without gradient
   * @param b an {@code n x d} matrix, usually with gradient
   * @param factor the factor of the gradient
   * @return the {@code d x d} matrix
   */
  static NDArray weighted(Workspace workspace, NDArray weights, NDArray b, double factor) {
    NDArray value = accurate(workspace, weights, b.stopGradient());
    return withGradientOf(value, workspace.times(weights.transpose().matMul(b), factor));
  }

  /** {@code value + (surrogate - detach(surrogate))}: exactly {@code value}, with the surrogate's gradient. */
  private static NDArray withGradientOf(NDArray value, NDArray surrogate) {
    return value.add(surrogate.sub(surrogate.stopGradient()));
  }

  /** The blocked product of two detached matrices. */
  private static NDArray accurate(Workspace workspace, NDArray a, NDArray b) {
    int rows = workspace.rows();
    int columns = workspace.columns();
    int blockRows = Math.max(BLOCK_ROWS, columns);
    int blocks = rows / blockRows;
    if (blocks == 0) {
      return a.transpose().matMul(b);
    }
    int head = blocks * blockRows;
    NDArray blockedA = head(a, head).reshape(blocks, blockRows, columns);
    NDArray blockedB = head(b, head).reshape(blocks, blockRows, columns);
    NDArray sum = blockedA.transpose(0, 2, 1).matMul(blockedB).sum(new int[] {0});
    if (head == rows) {
      return sum;
    }
    NDIndex tail = new NDIndex(head + ":");
    return sum.add(a.get(tail).transpose().matMul(b.get(tail)));
  }

  private static NDArray head(NDArray a, int head) {
    return head == a.getShape().get(0) ? a : a.get(new NDIndex(":" + head));
  }
}
