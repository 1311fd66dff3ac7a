package dev.shifter.bench;

import dev.shifter.shift.TargetReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Formats the Shifter benchmark's results as Markdown tables and CSV files. */
final class BenchReport {
  private static final double GOAL_MEDIAN = 0.05;
  private static final double GOAL_P90 = 0.15;
  private static final double GOAL_DROP = 0.1;

  private BenchReport() {}

  /** Formats the real values and bootstrap sds of the targeted entries. */
  static String realTable(RealMetaFeatures real, List<TargetSet> sets) {
    Set<String> labels = new LinkedHashSet<>();
    sets.forEach(s -> s.rules().forEach(r -> labels.add(r.label())));
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "| targeted entry | real value | bootstrap sd (%d resamples) | value / sd |%n", real.resamples()));
    out.append("|---|---:|---:|---:|\n");
    for (String label : labels) {
      double value = real.value(label);
      double sd = real.sd(label);
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", label, num(value), num(sd),
          sd > 0 ? String.format(Locale.ROOT, "%.0f", Math.abs(value) / sd) : "- (a tie)"));
    }
    return out.toString();
  }

  /** Formats one set's results. */
  static String setTable(SetResult result) {
    StringBuilder out = new StringBuilder();
    TargetSet set = result.set();
    out.append(String.format(Locale.ROOT, "### %s (%d %s): %s%n%n", set.id(), set.rules().size(),
        set.rules().size() == 1 ? "entry" : "entries", set.why()));
    if (!result.ran()) {
      out.append("Training failed: ").append(result.stopReason()).append("\n");
      return out.toString();
    }
    out.append(String.format(Locale.ROOT, "Training: %d steps, %s, %.1f s (%.1f steps/s; median step %.1f ms). "
        + "Generation %.1f s. Detection score vs real (%.1f s): shifted %.3f, unshifted %.3f, drop %+.3f.%n%n",
        result.steps(), result.stopReason(), result.trainSeconds(), result.stepsPerSecond(),
        result.medianStepMillis(), result.generateSeconds(), result.detectionSeconds(), result.shiftedDetection(),
        result.unshiftedDetection(), result.detectionDrop()));
    out.append("| entry | rule | real | target | reached | unshifted | rel. error | unshifted rel. error | tolerance "
        + "| within |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (EntryResult e : result.entries()) {
      TargetReport r = e.report();
      out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.label(),
          e.rule().describe(), num(e.real()), num(r.target()), num(r.reached()), num(r.unshifted()),
          percent(r.relativeError()), percent(r.unshiftedRelativeError()), num(r.tolerance()),
          r.withinTolerance() ? "yes" : "no"));
    }
    return out.toString();
  }

  /** Formats the summary over all sets, with the goals. */
  static String summary(List<SetResult> results, int realRows, double wallSeconds) {
    List<EntryResult> entries = new ArrayList<>();
    results.forEach(r -> entries.addAll(r.entries()));
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%d target sets, %d targeted entries. Relative error = |value - target| "
        + "/ |target| on the generated table (%d rows); the unshifted CTGAN table has the same noise.%n%n",
        results.size(), entries.size(), realRows));
    out.append("| entries | count | median rel. error, shifted / unshifted | p90 rel. error, shifted / unshifted "
        + "| within tolerance, shifted / unshifted |\n");
    out.append("|---|---:|---:|---:|---:|\n");
    group(out, "all", entries, e -> true);
    group(out, "plausible (target = real +-2 bootstrap sd)", entries, e -> e.rule().plausible());
    group(out, "beyond (4-6 sd or 10-30 %)", entries, e -> !e.rule().plausible());
    group(out, "in single-entry sets", entriesOf(results, r -> r.set().rules().size() == 1), e -> true);
    group(out, "in sets of 3 to 6", entriesOf(results, r -> r.set().rules().size() > 1), e -> true);

    List<SetResult> ran = results.stream().filter(SetResult::ran).toList();
    double[] drops = ran.stream().mapToDouble(SetResult::detectionDrop).toArray();
    double[] shifted = ran.stream().mapToDouble(SetResult::shiftedDetection).toArray();
    double[] train = ran.stream().mapToDouble(SetResult::trainSeconds).toArray();
    double[] speed = ran.stream().mapToDouble(SetResult::stepsPerSecond).toArray();
    double[] steps = ran.stream().mapToDouble(SetResult::steps).toArray();
    double unshifted = ran.isEmpty() ? Double.NaN : ran.get(0).unshiftedDetection();
    out.append("\n| per set | value |\n|---|---:|\n");
    out.append(String.format(Locale.ROOT, "| sets trained / with every entry within tolerance / converged early | "
        + "%d / %d / %d of %d |%n", ran.size(), ran.stream().filter(SetResult::allWithinTolerance).count(),
        ran.stream().filter(r -> r.stopReason().equals("CONVERGED")).count(), results.size()));
    out.append(String.format(Locale.ROOT, "| detection score, unshifted CTGAN vs real | %.3f |%n", unshifted));
    out.append(String.format(Locale.ROOT, "| detection score, shifted vs real: mean / min | %.3f / %.3f |%n",
        mean(shifted), Percentiles.of(shifted, 0)));
    out.append(String.format(Locale.ROOT, "| detection drop (unshifted - shifted): median / mean / max | %.3f / %.3f / "
        + "%.3f |%n", Percentiles.median(drops), mean(drops), Percentiles.of(drops, 100)));
    out.append(String.format(Locale.ROOT, "| sets with a detection drop below %.1f: all / plausible targets only | "
        + "%d of %d / %d of %d |%n", GOAL_DROP, countBelow(drops, GOAL_DROP), drops.length,
        countBelow(plausibleDrops(ran), GOAL_DROP), plausibleDrops(ran).length));
    out.append(String.format(Locale.ROOT, "| training steps: median / max | %.0f / %.0f |%n", Percentiles.median(steps),
        Percentiles.of(steps, 100)));
    out.append(String.format(Locale.ROOT, "| training time per set (s): median / max / total | %.1f / %.1f / %.1f |%n",
        Percentiles.median(train), Percentiles.of(train, 100), sum(train)));
    out.append(String.format(Locale.ROOT, "| steps/s per set, calibration and evaluations included: median | %.1f |%n",
        Percentiles.median(speed)));
    out.append(String.format(Locale.ROOT, "| whole benchmark wall time (s) | %.0f |%n", wallSeconds));

    double[] errors = entries.stream().mapToDouble(e -> e.report().relativeError()).toArray();
    double median = Percentiles.median(errors);
    double p90 = Percentiles.of(errors, 90);
    double maxDrop = Percentiles.of(drops, 100);
    out.append(String.format(Locale.ROOT, "%nGoals (issue 4): median relative error < 5 %%: %s (%s); "
        + "p90 < 15 %%: %s (%s); detection drop < 0.1: %s (max %.3f).%n", percent(median), met(median < GOAL_MEDIAN),
        percent(p90), met(p90 < GOAL_P90), met(maxDrop < GOAL_DROP), maxDrop));
    return out.toString();
  }

  /** Formats the speed figure. */
  static String speedTable(List<SpeedResult> speed, int trainSamples) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Default sizes (%d rows generated per step), threads: %s.%n%n", trainSamples,
        System.getProperty("ai.djl.pytorch.num_threads", "?")));
    out.append("| targeted entries | steps | median step (ms) | training steps/s | steps/s incl. calibration and "
        + "evaluations |\n");
    out.append("|---:|---:|---:|---:|---:|\n");
    for (SpeedResult s : speed) {
      out.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f |%n", s.entries(), s.steps(),
          s.medianStepMillis(), s.stepsPerSecond(), s.overallStepsPerSecond()));
    }
    return out.toString();
  }

  /** Writes the CSV files and the Markdown file into a directory. */
  static void write(Path dir, RealMetaFeatures real, List<SetResult> results, List<SpeedResult> speed,
      String markdown) {
    try {
      Files.createDirectories(dir);
      StringBuilder realCsv = new StringBuilder("entry,value,bootstrap_sd\n");
      real.values().forEach((label, value) -> realCsv.append(Csv.row(label, value, real.sd(label))));
      Files.writeString(dir.resolve("real-metafeatures.csv"), realCsv);

      StringBuilder entries = new StringBuilder("set,set_size,feature,key,rule,plausible,real,bootstrap_sd,target,"
          + "reached,unshifted,relative_error,unshifted_relative_error,tolerance,within_tolerance,"
          + "unshifted_within_tolerance\n");
      StringBuilder sets = new StringBuilder("set,set_size,description,steps,stop_reason,train_seconds,"
          + "steps_per_second,median_step_ms,generate_seconds,detection_seconds,detection_shifted,"
          + "detection_unshifted,detection_drop,all_within_tolerance\n");
      for (SetResult r : results) {
        int size = r.set().rules().size();
        sets.append(Csv.row(r.set().id(), size, r.set().why(), r.steps(), r.stopReason(), r.trainSeconds(),
            r.stepsPerSecond(), r.medianStepMillis(), r.generateSeconds(), r.detectionSeconds(), r.shiftedDetection(),
            r.unshiftedDetection(), r.detectionDrop(), r.allWithinTolerance()));
        for (EntryResult e : r.entries()) {
          TargetReport t = e.report();
          entries.append(Csv.row(r.set().id(), size, t.feature(), t.key(), e.rule().describe(), e.rule().plausible(),
              e.real(), e.bootstrapSd(), t.target(), t.reached(), t.unshifted(), t.relativeError(),
              t.unshiftedRelativeError(), t.tolerance(), t.withinTolerance(), e.unshiftedWithinTolerance()));
        }
      }
      Files.writeString(dir.resolve("entries.csv"), entries);
      Files.writeString(dir.resolve("sets.csv"), sets);
      StringBuilder speedCsv = new StringBuilder("entries,steps,median_step_ms,steps_per_second,"
          + "overall_steps_per_second\n");
      for (SpeedResult s : speed) {
        speedCsv.append(Csv.row(s.entries(), s.steps(), s.medianStepMillis(), s.stepsPerSecond(),
            s.overallStepsPerSecond()));
      }
      Files.writeString(dir.resolve("speed.csv"), speedCsv);
      Files.writeString(dir.resolve("results.md"), markdown);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the results to " + dir + ": " + e.getMessage()
          + ". Give a writable output directory.", e);
    }
  }

  private static List<EntryResult> entriesOf(List<SetResult> results, Predicate<SetResult> which) {
    List<EntryResult> entries = new ArrayList<>();
    results.stream().filter(which).forEach(r -> entries.addAll(r.entries()));
    return entries;
  }

  private static void group(StringBuilder out, String name, List<EntryResult> all, Predicate<EntryResult> which) {
    List<EntryResult> entries = all.stream().filter(which).toList();
    double[] shifted = entries.stream().mapToDouble(e -> e.report().relativeError()).toArray();
    double[] unshifted = entries.stream().mapToDouble(e -> e.report().unshiftedRelativeError()).toArray();
    long within = entries.stream().filter(e -> e.report().withinTolerance()).count();
    long unshiftedWithin = entries.stream().filter(EntryResult::unshiftedWithinTolerance).count();
    out.append(String.format(Locale.ROOT, "| %s | %d | %s / %s | %s / %s | %s / %s |%n", name, entries.size(),
        percent(Percentiles.median(shifted)), percent(Percentiles.median(unshifted)),
        percent(Percentiles.of(shifted, 90)), percent(Percentiles.of(unshifted, 90)),
        share(within, entries.size()), share(unshiftedWithin, entries.size())));
  }

  private static String share(long count, int total) {
    return total == 0 ? "-" : String.format(Locale.ROOT, "%.0f %%", 100.0 * count / total);
  }

  private static String met(boolean met) {
    return met ? "met" : "NOT met";
  }

  /** The detection drops of the sets whose every target is plausible (within two bootstrap sds). */
  private static double[] plausibleDrops(List<SetResult> ran) {
    return ran.stream().filter(r -> r.set().rules().stream().allMatch(TargetRule::plausible))
        .mapToDouble(SetResult::detectionDrop).toArray();
  }

  private static long countBelow(double[] values, double limit) {
    return java.util.Arrays.stream(values).filter(v -> v < limit).count();
  }

  private static double mean(double[] values) {
    return values.length == 0 ? Double.NaN : sum(values) / values.length;
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }

  /** Formats a value with 4 decimals below 1000 and 1 above. */
  static String num(double value) {
    return String.format(Locale.ROOT, Math.abs(value) >= 1000 ? "%.1f" : "%.4f", value);
  }

  private static String percent(double fraction) {
    return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
  }
}
