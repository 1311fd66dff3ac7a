package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

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
 * @param cond the conditional vectors, {@code n x condDim}, without gradient
 * @param generated {@code generateDifferentiable(shiftedZ, cond)}: the continuous columns in data
 *     units, {@code n x d}, with a graph back to {@code shiftedZ}
 */
public record ShiftContext(
    int step,
    NDManager manager,
    GeneratorAdapter adapter,
    NDArray z,
    NDArray shiftedZ,
    NDArray cond,
    NDArray generated) {}
