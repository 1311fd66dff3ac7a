package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * What one Shifter training step has produced, handed to every {@link Regularizer}.
 *
 * <p>All arrays belong to {@link #manager()}, which is closed when the step ends: a regularizer may
 * create temporaries in it but must not keep any array beyond the call.
 *
 * @param step the step number, from 1
 * @param manager the step's manager
 * @param adapter the frozen generator
 * @param z the latent noise drawn for this step, {@code n x latentDim}, without gradient
 * @param shiftedZ the shifted noise {@code z'}, with a graph back to the Shifter's parameters
 * @param cond the conditional vectors, {@code n x condDim}, without gradient unless the Shifter learns their
 *     distribution (then straight-through, with a graph to its condition head)
 * @param generated {@code generateDifferentiable(shiftedZ, cond)}: the continuous columns in data
 *     units, {@code n x d}, with a graph back to {@code shiftedZ}
 * @param targetedColumns the columns whose own distribution a target entry names: continuous columns of
 *     per-column entries (a mean, a skewness, a quantile), then the columns a meta-feature of the whole table
 *     names (a category's column, an attribute, the label of a class-aware feature); a regularizer that keeps
 *     marginals in place leaves them free. Pair entries and features of all the continuous columns name no
 *     column here.
 * @param targets the values this step aims at, one per target entry in the targets' order (empty when
 *     the trainer did not pass them; the Shifter's trainer passes none for a range of targets)
 */
public record ShiftContext(
    int step,
    NDManager manager,
    GeneratorAdapter adapter,
    NDArray z,
    NDArray shiftedZ,
    NDArray cond,
    NDArray generated,
    List<String> targetedColumns,
    List<TargetValue> targets) {

  /** Copies the lists. */
  public ShiftContext {
    targetedColumns = List.copyOf(targetedColumns);
    targets = List.copyOf(targets);
  }

  /**
   * Creates a context without the step's target values (for regularizers that need none).
   *
   * @param step the step number
   * @param manager the step's manager
   * @param adapter the frozen generator
   * @param z the latent noise
   * @param shiftedZ the shifted noise
   * @param cond the conditional vectors
   * @param generated the generated continuous columns
   * @param targetedColumns the columns named by a per-column target
   */
  public ShiftContext(int step, NDManager manager, GeneratorAdapter adapter, NDArray z, NDArray shiftedZ,
      NDArray cond, NDArray generated, List<String> targetedColumns) {
    this(step, manager, adapter, z, shiftedZ, cond, generated, targetedColumns, List.of());
  }

  /**
   * Creates a context in which no column is targeted.
   *
   * @param step the step number
   * @param manager the step's manager
   * @param adapter the frozen generator
   * @param z the latent noise
   * @param shiftedZ the shifted noise
   * @param cond the conditional vectors
   * @param generated the generated continuous columns
   */
  public ShiftContext(int step, NDManager manager, GeneratorAdapter adapter, NDArray z, NDArray shiftedZ,
      NDArray cond, NDArray generated) {
    this(step, manager, adapter, z, shiftedZ, cond, generated, List.of(), List.of());
  }
}
