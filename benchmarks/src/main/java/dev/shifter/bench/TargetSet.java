package dev.shifter.bench;

import java.util.List;

/**
 * One fixed target set of the Adult benchmark.
 *
 * @param id a short stable name, e.g. {@code "S01"}
 * @param why what the set checks, in a few words
 * @param rules its entries, one to six
 */
record TargetSet(String id, String why, List<TargetRule> rules) {

  /** Copies the rules. */
  TargetSet {
    rules = List.copyOf(rules);
  }

  /** Creates a set. */
  static TargetSet of(String id, String why, TargetRule... rules) {
    return new TargetSet(id, why, List.of(rules));
  }
}
