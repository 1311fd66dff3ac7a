package dev.shifter.shift;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.PluginRegistry;
import dev.shifter.api.RegisteredPlugin;
import dev.shifter.api.Regularizer;
import dev.shifter.shift.internal.CriticRealism;
import dev.shifter.shift.internal.FeatureSpaceDistance;
import dev.shifter.shift.internal.LatentMeanSquare;
import dev.shifter.shift.internal.LatentMmd;
import dev.shifter.shift.internal.LatentMoments;
import dev.shifter.shift.internal.MarginalDivergence;
import dev.shifter.shift.internal.TiltDistance;
import java.util.List;
import java.util.Locale;

/**
 * The built-in regularizers. {@code latent_reg} keeps the shifted noise close to the noise the
 * generator knows; {@code feature_space_reg} keeps the shifted rows close to the unshifted ones;
 * {@code critic_reg} (off unless {@code lambda_critic > 0}) keeps them as real, to the generator's own
 * frozen critic, as the unshifted ones.
 */
public final class Regularizers {
  /** Config name of {@link #latentMeanSquare()}. */
  public static final String MEAN_SQUARE = "mean_square";
  /** Config name of {@link #latentMoments()}. */
  public static final String MOMENTS = "moments";
  /** Config name of {@link #latentMmd()}. */
  public static final String MMD = "mmd";

  private static final List<String> LATENT = List.of(MEAN_SQUARE, MOMENTS, MMD);

  /** The loss-term names of the built-in regularizers, each weighted by a setting (see {@link #lambdaSetting}). */
  public static final List<String> BUILT_IN_NAMES = List.of("latent_reg", "feature_space_reg", "marginal_reg",
      "tilt_reg", CriticRealism.NAME);

  private Regularizers() {}

  /**
   * The default latent regularizer, named {@code latent_reg}: the mean squared shift
   * {@code mean((z' - z)^2)}.
   *
   * @return the regularizer
   */
  public static Regularizer latentMeanSquare() {
    return new LatentMeanSquare();
  }

  /**
   * The alternative latent regularizer, named {@code latent_reg}: how far the shifted batch's mean and
   * covariance are from those of {@code N(0, I)}, {@code mean(mean(z')^2) + mean((cov(z') - I)^2)}.
   * It lets single rows move freely as long as the batch still looks like standard normal noise.
   *
   * @return the regularizer
   */
  public static Regularizer latentMoments() {
    return new LatentMoments();
  }

  /**
   * The distributional latent regularizer, named {@code latent_reg}: the squared maximum mean
   * discrepancy between the shifted batch {@code z'} and the step's own {@code N(0, I)} draw (Gaussian
   * kernels of squared bandwidths d/2, d and 2d). Since the shifted table can be no further from the
   * generator's own than the shifted noise is from {@code N(0, I)}, it bounds the table's divergence
   * while letting single rows move.
   *
   * @return the regularizer
   */
  public static Regularizer latentMmd() {
    return new LatentMmd();
  }

  /**
   * The marginal regularizer, named {@code marginal_reg}: how far the marginal distributions of the
   * columns no target names move from the unshifted generator's, the mean over those columns of a 1-D
   * Wasserstein distance (continuous columns, in units of their unshifted standard deviation) or a total
   * variation (categorical columns, their batch-mean category probabilities). A column named by a
   * per-column target ({@link dev.shifter.api.ShiftContext#targetedColumns()}) is left free.
   *
   * @return the regularizer
   */
  public static Regularizer marginals() {
    return new MarginalDivergence();
  }

  /**
   * The tilt regularizer, named {@code tilt_reg}: the squared maximum mean discrepancy, in the
   * generator's encoded space, between the shifted rows and the step's unshifted rows reweighted by
   * entropy balancing to the step's target values (the I-projection that {@code generate --method tilt}
   * samples from). It asks the shift to reach the targets with the table closest to the generator's own.
   * It is 0 when an entry's feature has no moment condition or the unshifted rows cannot be reweighted
   * to the targets.
   *
   * @return the regularizer
   */
  public static Regularizer tilt() {
    return new TiltDistance();
  }

  /**
   * The feature-space regularizer, named {@code feature_space_reg}: the mean squared distance between
   * the shifted and unshifted rows in the generator's encoded space
   * ({@link dev.shifter.api.GeneratorAdapter#generateEncoded}), each encoded column divided by its
   * variance over the unshifted rows (plus 1 % of the mean variance), so that units do not matter.
   *
   * @return the regularizer
   */
  public static Regularizer featureSpace() {
    return new FeatureSpaceDistance();
  }

  /**
   * The critic regularizer, named {@code critic_reg}: a realism term from the generator's frozen critic
   * ({@link dev.shifter.api.RealismCritic}, which CTGAN's adapter is). With {@code D} the critic's score
   * of a group of rows (higher is more real), it is
   * {@code max(0, mean D(G(z)) - mean D(G(z'))) / sd D(G(z))}: how far the shifted rows' mean score fell
   * below the unshifted rows', in standard deviations of the unshifted groups' scores, both batches
   * scored with the same conditional vectors and activation noise. It is 0 for {@code z' = z} and
   * whenever the shifted rows look at least as real; the unshifted side carries no gradient. A shift
   * that the critic likes better is not rewarded, since a frozen critic can be fooled.
   *
   * @return the regularizer; computing it with an adapter that has no critic throws an
   *     {@link InvalidInputException} that says how to fix it
   */
  public static Regularizer critic() {
    return new CriticRealism();
  }

  /**
   * Returns a latent regularizer by its config name.
   *
   * @param name {@code mean_square}, {@code moments} or {@code mmd}
   * @return the regularizer
   * @throws InvalidInputException if the name is unknown
   */
  public static Regularizer latent(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case MEAN_SQUARE -> latentMeanSquare();
      case MOMENTS -> latentMoments();
      case MMD -> latentMmd();
      default -> throw new InvalidInputException("Unknown latent regularizer '" + name + "'. Known: "
          + String.join(", ", LATENT) + ".");
    };
  }

  /**
   * Returns the setting that weights a built-in regularizer: {@code latent_reg} is weighted by
   * {@code lambda_z}, {@code feature_space_reg} by {@code lambda_x}, {@code marginal_reg} by
   * {@code lambda_marginal}, {@code tilt_reg} by {@code lambda_tilt} and {@code critic_reg} by
   * {@code lambda_critic}.
   *
   * @param name a name in {@link #BUILT_IN_NAMES}
   * @return the setting's name
   * @throws InvalidInputException if the name is not a built-in regularizer's
   */
  public static String lambdaSetting(String name) {
    return switch (name) {
      case "latent_reg" -> "lambda_z";
      case "feature_space_reg" -> "lambda_x";
      case "marginal_reg" -> "lambda_marginal";
      case "tilt_reg" -> "lambda_tilt";
      case CriticRealism.NAME -> "lambda_critic";
      default -> throw new InvalidInputException("'" + name + "' is not a built-in regularizer. Built in: "
          + String.join(", ", BUILT_IN_NAMES) + ".");
    };
  }

  /**
   * Sets the weight of a built-in regularizer in a configuration, by the regularizer's name.
   *
   * @param config the configuration to change
   * @param name a name in {@link #BUILT_IN_NAMES}
   * @param weight the weight, zero or positive
   * @return the builder, for chaining
   * @throws InvalidInputException if the name is not a built-in regularizer's
   */
  public static ShifterConfig.Builder setWeight(ShifterConfig.Builder config, String name, double weight) {
    return switch (lambdaSetting(name)) {
      case "lambda_z" -> config.optLambdaZ(weight);
      case "lambda_x" -> config.optLambdaX(weight);
      case "lambda_marginal" -> config.optLambdaMarginal(weight);
      case "lambda_tilt" -> config.optLambdaTilt(weight);
      default -> config.optLambdaCritic(weight);
    };
  }

  /**
   * Picks a plug-in regularizer by name.
   *
   * @param name the regularizer's name
   * @param plugins the installed plug-in regularizers
   * @return the regularizer
   * @throws InvalidInputException if no plug-in provides it; the message lists the known names
   */
  public static Regularizer plugin(String name, PluginRegistry<Regularizer> plugins) {
    return plugins.find(name).map(RegisteredPlugin::value).orElseThrow(() -> new InvalidInputException(
        "Unknown regularizer '" + name + "'. Built in: " + String.join(", ", BUILT_IN_NAMES) + "; from plug-ins: "
            + (plugins.names().isEmpty() ? "none installed" : String.join(", ", plugins.names()))
            + ". Install the plug-in jar that provides it, or check the spelling."));
  }
}
