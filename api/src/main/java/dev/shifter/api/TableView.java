package dev.shifter.api;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a meta-feature sees of a table ({@link MetaFeature#compute(TableView)}): its continuous columns as one
 * {@code n x d} float32 matrix, its categorical columns as one-hot blocks, and the label column, when the
 * user names one. The label is not among the categorical blocks nor among the {@link #attributes()}. Every
 * array has the same {@code n} rows: the rows with a value in every column the view holds. The creator owns
 * the arrays; a feature must not close them.
 *
 * @param continuous the {@code n x d} matrix of the continuous columns ({@code d} may be 0)
 * @param continuousNames the continuous columns' names, {@code d} of them
 * @param categorical the categorical columns but the label, in table order
 * @param label the label column, or {@code null} when none is named
 * @param attributes every column but the label, in table order
 * @param gradients whether the arrays carry an autograd graph the features' values must keep (generated rows
 *     in a training step). DJL tells this of a leaf array ({@code hasGradient()}) but not of an array computed
 *     from one, so the creator says it; a feature may then skip the work of its gradient path when false.
 */
public record TableView(NDArray continuous, List<String> continuousNames, List<CategoricalBlock> categorical,
    @Nullable CategoricalBlock label, List<String> attributes, boolean gradients) {

  /** Checks the shapes and copies the lists. */
  public TableView {
    Objects.requireNonNull(continuous, "continuous");
    continuousNames = List.copyOf(continuousNames);
    categorical = List.copyOf(categorical);
    attributes = List.copyOf(attributes);
    if (continuous.getShape().dimension() != 2 || continuous.getShape().get(1) != continuousNames.size()) {
      throw new InvalidInputException("A table view's continuous matrix must be n x " + continuousNames.size()
          + " (one column per name), got shape " + continuous.getShape() + ".");
    }
    long rows = continuous.getShape().get(0);
    List<CategoricalBlock> blocks = new ArrayList<>(categorical);
    if (label != null) {
      blocks.add(label);
    }
    for (CategoricalBlock block : blocks) {
      if (block.oneHot().getShape().dimension() != 2 || block.oneHot().getShape().get(0) != rows
          || block.oneHot().getShape().get(1) != block.size()) {
        throw new InvalidInputException("The one-hot block of '" + block.name() + "' must be " + rows + " x "
            + block.size() + " (rows x categories), got shape " + block.oneHot().getShape() + ".");
      }
    }
  }

  /**
   * A view whose arrays carry no graph beyond their own leaves (real data, measurement).
   *
   * @param continuous the {@code n x d} matrix of the continuous columns
   * @param continuousNames the continuous columns' names
   * @param categorical the categorical columns but the label, in table order
   * @param label the label column, or {@code null}
   * @param attributes every column but the label, in table order
   */
  public TableView(NDArray continuous, List<String> continuousNames, List<CategoricalBlock> categorical,
      @Nullable CategoricalBlock label, List<String> attributes) {
    this(continuous, continuousNames, categorical, label, attributes, false);
  }

  /**
   * The same view, marked as carrying an autograd graph that the features' values must keep.
   *
   * @return the marked view
   */
  public TableView withGradients() {
    return new TableView(continuous, continuousNames, categorical, label, attributes, true);
  }

  /**
   * Tells whether a feature must build its gradient path: the view is marked, or one of its arrays is a leaf
   * that requires a gradient.
   *
   * @return true if the features' values must carry a gradient
   */
  public boolean needsGradients() {
    if (gradients || continuous.hasGradient()) {
      return true;
    }
    for (CategoricalBlock block : categoricalWithLabel()) {
      if (block.oneHot().hasGradient()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A view of continuous columns only, as a feature written for {@link MetaFeature#compute(NDArray)} sees a
   * table.
   *
   * @param continuous the {@code n x d} float32 matrix
   * @param names the columns' names
   * @return the view, with no categorical block and no label
   */
  public static TableView ofContinuous(NDArray continuous, List<String> names) {
    return new TableView(continuous, names, List.of(), null, names);
  }

  /**
   * The number of rows.
   *
   * @return {@code n}
   */
  public int rows() {
    return Math.toIntExact(continuous.getShape().get(0));
  }

  /**
   * The manager of the view's arrays, for a feature's intermediate arrays.
   *
   * @return the continuous matrix's manager
   */
  public NDManager manager() {
    return continuous.getManager();
  }

  /**
   * The label column, if the user named one.
   *
   * @return the label's block, or empty
   */
  public Optional<CategoricalBlock> optLabel() {
    return Optional.ofNullable(label);
  }

  /**
   * The label column, which a class-aware feature needs.
   *
   * @param feature the feature's name, for the message
   * @return the label's block
   * @throws InvalidInputException if no label column was named
   */
  public CategoricalBlock requireLabel(String feature) {
    if (label == null) {
      throw new InvalidInputException("Meta-feature '" + feature + "' needs the label column (the class) of the "
          + "table. Name the label column.", Remedy.set(Remedy.Setting.LABEL_COLUMN));
    }
    return label;
  }

  /**
   * A categorical column by name (the label included).
   *
   * @param name the column's name
   * @return its block, or empty if the view has no such categorical column
   */
  public Optional<CategoricalBlock> categorical(String name) {
    if (label != null && label.name().equals(name)) {
      return Optional.of(label);
    }
    return categorical.stream().filter(block -> block.name().equals(name)).findFirst();
  }

  /**
   * The categorical blocks a per-category feature covers: every categorical attribute, then the label.
   *
   * @return the blocks
   */
  public List<CategoricalBlock> categoricalWithLabel() {
    List<CategoricalBlock> all = new ArrayList<>(categorical);
    if (label != null) {
      all.add(label);
    }
    return List.copyOf(all);
  }
}
