package dev.shifter.bench;

import dev.shifter.api.GeneratorAdapter;
import dev.shifter.api.MetaFeatureRegistry;
import dev.shifter.api.ShifterException;
import dev.shifter.shift.TargetEntry;
import dev.shifter.shift.Targets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The target sets of the suite benchmark, drawn by a fixed rule from each data set's real
 * meta-features, so that no set was chosen by hand:
 *
 * <ol>
 *   <li>Eligible entries: {@code mean}, {@code sd}, {@code skewness}, {@code median} and {@code iq_range}
 *       of every continuous column, and {@code cor} of every pair whose |r| is at least 0.1; an entry is
 *       kept when its bootstrap sd (200 resamples of the real rows) is positive and its real value is at
 *       least {@value TargetRule#MIN_SDS_FROM_ZERO} bootstrap sds from zero (so that a relative error means
 *       something; quantiles stuck on ties drop out).
 *   <li>A plausible target is the real value {@code +-2} bootstrap sds (the sign drawn); a beyond target
 *       is the real value {@code +-k} sds with {@code k} drawn from 4, 5, 6. A target that the model cannot
 *       make (a mean beyond the column's range) is drawn again.
 *   <li>Per data set, eight sets with a seeded random generator (seed: the data set's name): two single
 *       plausible entries (P1, P2), two single beyond entries (B1, B2), two sets of three plausible
 *       entries (M1, M2), a set of four (two plausible, two beyond; X1) and a set of six (three and three;
 *       X2): 20 entries a data set, distinct within a set.
 * </ol>
 */
final class SuiteTargets {
  /** The features targets are drawn from. */
  static final List<String> FEATURES = List.of("mean", "sd", "skewness", "median", "iq_range", "cor");
  private static final double MIN_CORRELATION = 0.1;
  private static final int ATTEMPTS = 200;

  private SuiteTargets() {}

  /**
   * Draws the sets of a data set.
   *
   * @param dataSet the data set's name, the seed of the draw
   * @param real the real table's meta-features and bootstrap sds, keyed by label
   * @param registry the meta-features, to validate the targets
   * @param adapter the data set's CTGAN, to validate the targets against its columns and bounds
   * @return eight sets
   */
  static List<TargetSet> draw(String dataSet, RealMetaFeatures real, MetaFeatureRegistry registry,
      GeneratorAdapter adapter) {
    List<String> eligible = eligible(real);
    if (eligible.size() < 6) {
      throw new IllegalStateException(dataSet + " has only " + eligible.size() + " eligible entries: " + eligible);
    }
    Random random = new Random(dataSet.hashCode());
    Map<String, int[]> shapes = new LinkedHashMap<>();
    shapes.put("P1", new int[] {1, 0});
    shapes.put("P2", new int[] {1, 0});
    shapes.put("B1", new int[] {0, 1});
    shapes.put("B2", new int[] {0, 1});
    shapes.put("M1", new int[] {3, 0});
    shapes.put("M2", new int[] {3, 0});
    shapes.put("X1", new int[] {2, 2});
    shapes.put("X2", new int[] {3, 3});
    List<TargetSet> sets = new ArrayList<>();
    for (Map.Entry<String, int[]> shape : shapes.entrySet()) {
      String id = dataSet + "-" + shape.getKey();
      String why = shape.getValue()[0] + " plausible, " + shape.getValue()[1] + " beyond";
      sets.add(new TargetSet(id, why, drawSet(eligible, shape.getValue()[0], shape.getValue()[1], random, real,
          registry, adapter)));
    }
    return sets;
  }

  private static List<TargetRule> drawSet(List<String> eligible, int plausible, int beyond, Random random,
      RealMetaFeatures real, MetaFeatureRegistry registry, GeneratorAdapter adapter) {
    List<TargetRule> rules = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int attempt = 0; rules.size() < plausible + beyond; attempt++) {
      if (attempt > ATTEMPTS) {
        throw new IllegalStateException("could not draw " + (plausible + beyond) + " valid entries from " + eligible);
      }
      String label = eligible.get(random.nextInt(eligible.size()));
      if (used.contains(label)) {
        continue;
      }
      boolean isPlausible = rules.size() < plausible;
      double sign = random.nextBoolean() ? 1 : -1;
      double k = sign * (isPlausible ? 2 : 4 + random.nextInt(3));
      String feature = label.substring(0, label.indexOf('['));
      String key = label.substring(label.indexOf('[') + 1, label.length() - 1);
      TargetRule rule = TargetRule.sds(feature, key, k);
      if (!valid(rule, real, registry, adapter)) {
        continue;
      }
      used.add(label);
      rules.add(rule);
    }
    return rules;
  }

  private static boolean valid(TargetRule rule, RealMetaFeatures real, MetaFeatureRegistry registry,
      GeneratorAdapter adapter) {
    try {
      double target = rule.target(real.value(rule.label()), real.sd(rule.label()));
      Targets.of(TargetEntry.fixed(rule.feature(), rule.key(), target)).validate(registry, adapter);
      return true;
    } catch (ShifterException | IllegalStateException e) {
      return false;
    }
  }

  private static List<String> eligible(RealMetaFeatures real) {
    List<String> labels = new ArrayList<>();
    for (Map.Entry<String, Double> value : real.values().entrySet()) {
      String label = value.getKey();
      double sd = real.sd(label);
      if (!(sd > 0) || Math.abs(value.getValue()) < TargetRule.MIN_SDS_FROM_ZERO * sd) {
        continue;
      }
      if (label.startsWith("cor[") && value.getValue() < MIN_CORRELATION) {
        continue;
      }
      labels.add(label);
    }
    return labels;
  }
}
