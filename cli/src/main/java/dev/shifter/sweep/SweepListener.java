package dev.shifter.sweep;

/** Told about every point a {@link Sweep} finishes. */
@FunctionalInterface
public interface SweepListener {
  /**
   * Called after a point's table and manifest row are written.
   *
   * @param record the point's row of the manifest
   * @param done the points finished so far, this one and earlier runs' included
   * @param total the sweep's points
   */
  void onPoint(SweepRecord record, int done, int total);
}
