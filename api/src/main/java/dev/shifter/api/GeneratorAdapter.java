package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.jspecify.annotations.Nullable;

/**
 * A frozen, fitted generator seen from the outside: latent noise and a conditional vector in, rows
 * out. The Shifter trains against this interface; CTGAN is one implementation.
 *
 * <p>Modes and categories are drawn as in training (Gumbel-max on the generator's logits, with the
 * engine's random generator) and decoded hard. {@link #generateDifferentiable} is straight-through:
 * its forward value equals the hard decode with the same noise, its gradient is that of the soft
 * decode. The generator's own parameters never change through this interface.
 */
public interface GeneratorAdapter extends AutoCloseable {

  /**
   * Returns the dimension of the latent noise {@code z}.
   *
   * @return the number of columns of {@code z}
   */
  int latentDim();

  /**
   * Returns the width of the conditional vector (0 when the data has no categorical column).
   *
   * @return the number of columns of {@code cond}
   */
  int condDim();

  /**
   * Returns the names of the continuous columns that {@link #generateDifferentiable} returns, in
   * order.
   *
   * @return the continuous column names
   */
  List<String> continuousColumns();

  /**
   * Returns the one-hot blocks of the categorical columns in {@link #generateEncoded}'s output, so that
   * a regularizer can compare their category shares. The default returns none (unknown layout).
   *
   * @return the blocks, in column order
   */
  default List<EncodedBlock> categoricalBlocks() {
    return List.of();
  }

  /**
   * Returns, for each of {@link #continuousColumns()}, the smallest and largest value the generator
   * makes there. The default says the columns are unbounded; a generator that clips its values (a CTGAN
   * keeps each column within the range it was fitted on) should say so, so that out-of-reach targets are
   * refused before training and rows piling at a bound are noticed.
   *
   * @return one entry per continuous column, in order
   */
  default List<ValueBounds> continuousBounds() {
    return Collections.nCopies(continuousColumns().size(), ValueBounds.UNBOUNDED);
  }

  /**
   * Draws conditional vectors from the training data's own category frequencies, with no gradient.
   *
   * @param manager the manager that will own the result
   * @param n the number of rows
   * @return an {@code n x condDim()} float32 matrix
   */
  NDArray sampleCondVec(NDManager manager, int n);

  /**
   * Generates rows without recording a graph and decodes them hard into a table.
   *
   * @param allocator the Arrow allocator that will own the table
   * @param z an {@code n x latentDim()} float32 matrix
   * @param cond an {@code n x condDim()} float32 matrix
   * @return the generated table, with the training data's schema
   */
  Table generate(BufferAllocator allocator, NDArray z, NDArray cond);

  /**
   * Generates the continuous columns in data units with a graph back to {@code z}.
   *
   * @param z an {@code n x latentDim()} float32 matrix, typically requiring a gradient
   * @param cond an {@code n x condDim()} float32 matrix
   * @return an {@code n x continuousColumns().size()} float32 matrix
   */
  NDArray generateDifferentiable(NDArray z, NDArray cond);

  /**
   * Generates rows as a meta-feature sees a table ({@link MetaFeature#compute(TableView)}), with a graph
   * back to {@code z} (and to {@code cond}, when it has one): the continuous columns as
   * {@link #generateDifferentiable} returns them, with the same random draws, and each categorical column as
   * a straight-through one-hot block over its sorted categories, whose forward value is the category drawn
   * as in sampling and whose gradient is that of a relaxation over the generator's logits. The view is
   * marked {@link TableView#withGradients()}.
   *
   * <p>The default, for a generator that only differentiates continuous columns, returns those alone and
   * refuses a label.
   *
   * @param z an {@code n x latentDim()} float32 matrix, typically requiring a gradient
   * @param cond an {@code n x condDim()} float32 matrix
   * @param label the categorical column to hand over as the label, or {@code null} for none
   * @return the view; its arrays land in {@code z}'s manager
   * @throws InvalidInputException if {@code label} is not one of the generator's categorical columns
   */
  default TableView generateView(NDArray z, NDArray cond, @Nullable String label) {
    if (label != null) {
      throw new InvalidInputException("This generator differentiates its continuous columns only, so it has no "
          + "label column '" + label + "' to hand over. Train without a label, or use a CTGAN model.",
          Remedy.leaveOut(Remedy.Setting.LABEL_COLUMN));
    }
    return TableView.ofContinuous(generateDifferentiable(z, cond), continuousColumns()).withGradients();
  }

  /**
   * Returns the probability with which {@link #sampleCondVec} sets each entry of the conditional vector, so
   * that a Shifter can learn another distribution over them. The default returns none (unknown): the
   * conditional vector can then only be drawn by {@link #sampleCondVec}.
   *
   * @return {@code condDim()} probabilities summing to 1, or an empty array
   */
  default double[] condProbabilities() {
    return new double[0];
  }

  /**
   * Generates rows in the model's own encoded feature space, with a graph back to {@code z}: the
   * space in which the Shifter's feature-space regularizer measures how far shifted rows moved. That
   * regularizer divides each encoded column by its spread over the unshifted rows, so the encoding's
   * units do not matter, only which columns it has.
   *
   * <p>The default returns {@link #generateDifferentiable}: the continuous columns in data units (the
   * regularizer then compares standardised continuous columns). An adapter with a richer encoding
   * (CTGAN's mode-specific normalisation with its mode and category one-hots) should override this
   * method. Two calls must be comparable row by row, so an override should not draw fresh random
   * modes on each call (a soft, deterministic encoding suits).
   *
   * @param z an {@code n x latentDim()} float32 matrix, typically requiring a gradient
   * @param cond an {@code n x condDim()} float32 matrix
   * @return an {@code n x e} float32 matrix, {@code e} fixed for the adapter
   */
  default NDArray generateEncoded(NDArray z, NDArray cond) {
    return generateDifferentiable(z, cond);
  }

  /** Releases native resources held by the adapter (not the model it came from). */
  @Override
  void close();
}
