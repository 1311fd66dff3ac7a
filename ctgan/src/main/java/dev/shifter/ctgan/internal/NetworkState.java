package dev.shifter.ctgan.internal;

import org.jspecify.annotations.Nullable;

/**
 * The trained state of both networks and their optimizers, as the bytes of the model directory's
 * files: the parameters as {@link ai.djl.nn.Block#saveParameters} writes them (BatchNorm running
 * statistics included) and the Adam states as {@link dev.shifter.commons.Adam#save} writes them. The arrays are
 * shared, not copied: treat them as read-only.
 *
 * @param generator the parameters that sampling uses: the moving average of the generator's weights
 *     when the configuration averages them, else the generator's last weights
 * @param critic the critic's parameters
 * @param generatorAdam the generator optimizer's state
 * @param criticAdam the critic optimizer's state
 * @param liveGenerator the generator's last weights, which a resumed fit continues from, when they
 *     differ from {@code generator} (weight averaging on); else null
 */
public record NetworkState(byte[] generator, byte[] critic, byte[] generatorAdam, byte[] criticAdam,
    byte @Nullable [] liveGenerator) {

  /**
   * Returns the generator weights that training continues from.
   *
   * @return {@link #liveGenerator()} where there is one, else {@link #generator()}
   */
  public byte[] trainingGenerator() {
    byte[] live = liveGenerator;
    return live != null ? live : generator;
  }
}
