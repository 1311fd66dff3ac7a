package dev.shifter.cli;

import dev.shifter.api.RegisteredMetaFeature;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Warns of computed meta-feature values that are not what they seem: NaN or infinite values, and
 * values at float32's largest magnitude, which Shifter's float32 arithmetic returns when the true value
 * is larger than float32 holds (the variance of a column of values near 1e30, say).
 */
final class ValueChecks {
  /** The providers that ship with Shifter: a non-finite value from them is Shifter's bug. */
  private static final Set<String> BUILT_IN = Set.of("core", "extra");

  private ValueChecks() {}

  /**
   * Prints one warning per suspicious value.
   *
   * @param values the computed values
   * @param features the features they came from, for the provider's name
   * @param diagnostics where warnings go
   */
  static void warn(List<FeatureValues> values, List<RegisteredMetaFeature> features, Diagnostics diagnostics) {
    for (FeatureValues value : values) {
      String provider = features.stream().filter(f -> f.name().equals(value.name())).findFirst()
          .map(RegisteredMetaFeature::providerId).orElse("?");
      for (int i = 0; i < value.values().length; i++) {
        float v = value.values()[i];
        String entry = value.name() + "[" + value.labels().get(i) + "]";
        if (!Float.isFinite(v)) {
          diagnostics.warning(entry + " is " + v + " (printed as null in JSON). " + (BUILT_IN.contains(provider)
              ? "Shifter's own features return finite values, so this is a bug in Shifter: please report it with the "
                  + "file (provider '" + provider + "')."
              : "Features should return finite values; report it to the authors of the plug-in '" + provider + "'."));
        } else if (Math.abs(v) == Float.MAX_VALUE) {
          diagnostics.warning(String.format(Locale.ROOT, "%s is %s, float32's largest value: the true value is "
              + "larger than float32 holds (Shifter computes in float32, up to about 3.4e38). Rescale the column%s "
              + "(divide by a power of ten) to get this feature.", entry, v, value.labels().get(i).contains("~")
              ? "s" : ""));
        }
      }
    }
  }
}
