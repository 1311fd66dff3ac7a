package dev.shifter.metafeatures.core.internal;

import dev.shifter.api.CategoricalBlock;
import dev.shifter.api.TableView;

/** Tells whether a feature must build its gradient path: only when some array of the view carries a graph. */
public final class Gradients {

  private Gradients() {}

  /**
   * Whether any array of a view requires a gradient (a leaf that does, or an array computed from one).
   *
   * @param view the view
   * @return true if the feature's value must carry a gradient
   */
  public static boolean needed(TableView view) {
    if (view.continuous().hasGradient()) {
      return true;
    }
    for (CategoricalBlock block : view.categoricalWithLabel()) {
      if (block.oneHot().hasGradient()) {
        return true;
      }
    }
    return false;
  }
}
