package dev.shifter.shift;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaLoss;
import dev.shifter.shift.internal.HuberLoss;
import dev.shifter.shift.internal.MseLoss;
import dev.shifter.shift.internal.RelativeLoss;
import java.util.List;
import java.util.Locale;

/** The built-in meta losses; any other {@link MetaLoss} can be passed or bound instead. */
public final class MetaLosses {
  /** Name of {@link #mse()} in config files. */
  public static final String MSE = "mse";
  /** Name of {@link #huber()} in config files. */
  public static final String HUBER = "huber";
  /** Name of {@link #relative()} in config files. */
  public static final String RELATIVE = "relative";

  private static final List<String> NAMES = List.of(MSE, HUBER, RELATIVE);

  private MetaLosses() {}

  /**
   * The default: mean squared error of the entries divided by their per-entry scales,
   * {@code mean(((m^ - m*) / s)^2)}.
   *
   * @return the loss
   */
  public static MetaLoss mse() {
    return new MseLoss();
  }

  /**
   * Huber loss of the scaled entries with {@code delta = 1}: like {@link #mse()} near the target,
   * linear far from it, so that one hard entry does not drown the others.
   *
   * @return the loss
   */
  public static MetaLoss huber() {
    return huber(1f);
  }

  /**
   * Huber loss of the scaled entries.
   *
   * @param delta where the loss turns linear, in scaled units; positive
   * @return the loss
   */
  public static MetaLoss huber(float delta) {
    return new HuberLoss(delta);
  }

  /**
   * Mean squared relative error {@code mean(((m^ - m*) / (|m*| + 0.01 s))^2)}: each entry counts by
   * its relative error, as the tolerance does.
   *
   * @return the loss
   */
  public static MetaLoss relative() {
    return new RelativeLoss();
  }

  /**
   * Returns a built-in loss by its config name.
   *
   * @param name {@code mse}, {@code huber} or {@code relative}
   * @return the loss
   * @throws InvalidInputException if the name is unknown
   */
  public static MetaLoss byName(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case MSE -> mse();
      case HUBER -> huber();
      case RELATIVE -> relative();
      default -> throw new InvalidInputException("Unknown meta loss '" + name + "'. Known meta losses: "
          + String.join(", ", NAMES) + ".");
    };
  }
}
