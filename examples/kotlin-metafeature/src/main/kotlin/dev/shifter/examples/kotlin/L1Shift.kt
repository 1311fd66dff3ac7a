package dev.shifter.examples.kotlin

import ai.djl.ndarray.NDArray
import dev.shifter.api.Regularizer
import dev.shifter.api.ShiftContext

/**
 * A regularizer of the Shifter's loss: the mean absolute shift `mean(|z' - z|)`. Against the default
 * mean squared shift it favours shifts that move few noise coordinates a lot over many a little.
 * Select it with `shifter train --plugins DIR --regularizer l1_shift=0.1`.
 */
class L1Shift : Regularizer {
    override fun name(): String = "l1_shift"

    override fun compute(context: ShiftContext): NDArray = context.shiftedZ().sub(context.z()).abs().mean()
}
