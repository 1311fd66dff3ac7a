package dev.shifter.examples.kotlin

import ai.djl.ndarray.NDArray
import dev.shifter.api.Arity
import dev.shifter.api.MetaFeature

/**
 * Coefficient of variation of each column: `sd / sqrt(mean^2 + eps^2)`, with `sd` at ddof = 1.
 *
 * The denominator is a smooth `|mean|` so that a column centred on zero gives a large but finite
 * value and a finite gradient; a constant column gives 0. Works for float32 and float64 input.
 */
class CoefficientOfVariation(private val eps: Double = 1e-6) : MetaFeature {
    override fun name(): String = "coef_var"

    override fun arity(): Arity = Arity.PER_COLUMN

    override fun description(): String = "coefficient of variation sd / |mean| per column (Kotlin example plug-in)"

    override fun compute(x: NDArray): NDArray {
        val n = x.shape[0]
        val mean = x.mean(intArrayOf(0))
        val centred = x.sub(mean)
        val divisor = maxOf(n - 1, 1L).toDouble()
        val sd = centred.square().sum(intArrayOf(0)).div(divisor).add(eps * eps).sqrt().sub(eps)
        val absMean = mean.square().add(eps * eps).sqrt()
        return sd.div(absMean)
    }
}
