package dev.shifter.ctgan.internal;


/**
 * The trained state of both networks and their optimizers, as the bytes of the model directory's
 * files: the parameters as {@link ai.djl.nn.Block#saveParameters} writes them (BatchNorm running
 * statistics included) and the Adam states as {@link dev.shifter.commons.Adam#save} writes them. The arrays are
 * shared, not copied: treat them as read-only.
 *
 * @param generator the generator's parameters
 * @param critic the critic's parameters
 * @param generatorAdam the generator optimizer's state
 * @param criticAdam the critic optimizer's state
 */
public record NetworkState(byte[] generator, byte[] critic, byte[] generatorAdam, byte[] criticAdam) {}
