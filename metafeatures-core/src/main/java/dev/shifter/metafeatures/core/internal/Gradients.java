package dev.shifter.metafeatures.core.internal;

import dev.shifter.api.TableView;

/** Tells whether a feature must build its gradient path: only when some array of the view carries a graph. */
public final class Gradients {

  private Gradients() {}

  /**
   * Whether a view needs its features' gradient paths ({@link TableView#needsGradients()}).
   *
   * @param view the view
   * @return true if the feature's value must carry a gradient
   */
  public static boolean needed(TableView view) {
    return view.needsGradients();
  }
}
