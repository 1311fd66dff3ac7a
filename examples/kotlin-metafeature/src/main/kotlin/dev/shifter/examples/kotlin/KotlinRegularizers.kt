package dev.shifter.examples.kotlin

import dev.shifter.api.Regularizer
import dev.shifter.api.RegularizerProvider

/** The plug-in's regularizer provider, listed in `META-INF/services/dev.shifter.api.RegularizerProvider`. */
class KotlinRegularizers : RegularizerProvider {
    override fun id(): String = "kotlin-example"

    override fun regularizers(): List<Regularizer> = listOf(L1Shift())
}
