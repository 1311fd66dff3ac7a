package dev.shifter.examples.kotlin

import dev.shifter.api.MetaFeature
import dev.shifter.api.MetaFeatureProvider

/** The plug-in's provider, listed in `META-INF/services/dev.shifter.api.MetaFeatureProvider`. */
class KotlinMetaFeatures : MetaFeatureProvider {
    override fun id(): String = "kotlin-example"

    override fun metaFeatures(): List<MetaFeature> = listOf(CoefficientOfVariation(), MinorityShare())
}
