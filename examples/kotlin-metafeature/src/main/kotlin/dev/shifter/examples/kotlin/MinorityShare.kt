package dev.shifter.examples.kotlin

import ai.djl.ndarray.NDArray
import dev.shifter.api.Arity
import dev.shifter.api.FeatureDomain
import dev.shifter.api.MetaFeature
import dev.shifter.api.TableView

/**
 * A class-aware plug-in: the share of rows in the least frequent class of the label. It overrides
 * `compute(TableView)` instead of `compute(NDArray)`, and says it needs the label, so that `metafeatures`
 * computes it only when `--label COLUMN` names one. The share is the smallest column mean of the label's
 * one-hot block, so its gradient flows through the block.
 */
class MinorityShare : MetaFeature {
    override fun name(): String = "minority_share"

    override fun arity(): Arity = Arity.SCALAR

    override fun domain(): FeatureDomain = FeatureDomain.UNIT_INTERVAL

    override fun needsLabel(): Boolean = true

    override fun description(): String = "share of rows in the least frequent class (Kotlin class-aware example)"

    override fun compute(table: TableView): NDArray {
        val label = table.requireLabel(name())
        return label.oneHot().mean(intArrayOf(0)).min().reshape(1)
    }
}
