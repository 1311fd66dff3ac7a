package dev.shifter.report.internal;

import java.awt.Color;
import java.util.List;

/** The report's colours: one per table, used in every chart, and a cycle for loss curves. */
public final class Palette {
  /** The real table. */
  public static final Color REAL = new Color(0x4C72B0);
  /** The synthetic table. */
  public static final Color SYNTHETIC = new Color(0xDD8452);
  /** The shifted table. */
  public static final Color SHIFTED = new Color(0x55A868);
  /** Negative values of a diverging scale. */
  public static final Color NEGATIVE = new Color(0x2166AC);
  /** The middle of a diverging scale. */
  public static final Color MIDDLE = new Color(0xF7F7F7);
  /** Positive values of a diverging scale. */
  public static final Color POSITIVE = new Color(0xB2182B);
  /** Grid lines and borders. */
  public static final Color GRID = new Color(0xE3E6EA);

  private static final List<Color> CYCLE = List.of(new Color(0x4C72B0), new Color(0xC44E52), new Color(0x55A868),
      new Color(0x8172B3), new Color(0xDD8452), new Color(0x937860), new Color(0xDA8BC3), new Color(0x8C8C8C));

  private Palette() {}

  /**
   * Returns the {@code i}-th colour of the cycle.
   *
   * @param i the index, from 0
   * @return the colour
   */
  public static Color cycle(int i) {
    return CYCLE.get(Math.floorMod(i, CYCLE.size()));
  }

  /**
   * Returns a colour with transparency.
   *
   * @param color the colour
   * @param alpha 0 (transparent) to 255 (opaque)
   * @return the colour with that alpha
   */
  public static Color withAlpha(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }
}
