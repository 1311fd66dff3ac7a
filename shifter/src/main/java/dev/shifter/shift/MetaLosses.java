package dev.shifter.shift;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.MetaLoss;
import dev.shifter.api.PluginRegistry;
import dev.shifter.api.RegisteredPlugin;
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

  /**
   * Returns the names of the built-in meta losses.
   *
   * @return mse, huber, relative
   */
  public static List<String> builtInNames() {
    return NAMES;
  }

  /**
   * Returns a built-in meta loss, or else the plug-in loss of that name.
   *
   * @param name {@code mse}, {@code huber}, {@code relative} or a plug-in loss's {@link MetaLoss#name()}
   * @param plugins the installed plug-in losses
   * @return the loss
   * @throws InvalidInputException if neither knows the name; the message lists the known ones
   */
  public static MetaLoss resolve(String name, PluginRegistry<MetaLoss> plugins) {
    if (NAMES.contains(name.toLowerCase(Locale.ROOT))) {
      return byName(name);
    }
    return plugins.find(name).map(RegisteredPlugin::value).orElseThrow(() -> new InvalidInputException(
        "Unknown meta loss '" + name + "'. Known meta losses: " + String.join(", ", NAMES)
            + (plugins.names().isEmpty() ? "" : "; from plug-ins: " + String.join(", ", plugins.names()))
            + ". Install the plug-in jar that provides it, or check the spelling."));
  }
}
