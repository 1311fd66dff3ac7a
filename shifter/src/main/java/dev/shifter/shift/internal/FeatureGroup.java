package dev.shifter.shift.internal;

import dev.shifter.api.RegisteredMetaFeature;

/**
 * The targeted entries of one meta-feature: the feature is computed once per batch on the columns it
 * needs, and each entry picks one output.
 *
 * @param feature the meta-feature
 * @param columns the continuous columns it is computed on, ascending (indices into the generator's
 *     continuous columns)
 * @param entries for each targeted entry of this feature, its index among all target entries
 * @param outputs for each targeted entry, its index in the feature's output on {@code columns} (on the whole
 *     table's view when {@code wholeTable})
 * @param wholeTable whether the feature is computed on the generated rows' whole table view (its categorical
 *     columns, its label) rather than on the continuous columns alone; {@code columns} is then empty
 */
public record FeatureGroup(RegisteredMetaFeature feature, int[] columns, int[] entries, int[] outputs,
    boolean wholeTable) {}
