package dev.shifter.demo;

import dev.shifter.eval.QualityReport;
import dev.shifter.report.ReportSummary;
import dev.shifter.shift.StopReason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a demo run did: the files, how close the shifted table came to each target, the quality of the
 * synthetic and shifted tables against the data, and the time of each stage.
 *
 * @param files the files written
 * @param data where the data came from, e.g. {@code "demo table (seed 0)"} or the user's file
 * @param rows the rows fitted (and generated in each table)
 * @param label the label column of the machine-learning efficacy, or empty for none
 * @param targets one outcome per target entry, in target order
 * @param syntheticQuality the plain synthetic table against the data
 * @param shiftedQuality the shifted table against the data
 * @param ctganEpochs the epochs the CTGAN was trained for
 * @param shifterSteps the steps the Shifter was trained for
 * @param shifterStop why the Shifter's training ended
 * @param shifterWithinTolerance how many entries the Shifter's own table had within tolerance
 * @param shiftedBy what made the shifted table: {@code "shifter"}, or {@code "tilt"} when the
 *     training-free reweighting reached more entries within tolerance than the Shifter
 * @param report what the HTML report {@code report.html} holds
 * @param seconds the seconds of each stage, in stage order
 * @param totalSeconds the seconds of the whole run
 */
public record DemoResult(DemoFiles files, String data, int rows, String label, List<TargetOutcome> targets,
    QualityReport syntheticQuality, QualityReport shiftedQuality, int ctganEpochs, int shifterSteps,
    StopReason shifterStop, int shifterWithinTolerance, String shiftedBy, ReportSummary report, Map<DemoStage, Double> seconds, double totalSeconds) {

  /** Copies the lists and the map (keeping the stage order). */
  public DemoResult {
    targets = List.copyOf(targets);
    seconds = Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
  }

  /**
   * Counts the entries within their tolerance.
   *
   * @return the count
   */
  public int withinTolerance() {
    return (int) targets.stream().filter(TargetOutcome::withinTolerance).count();
  }

  /**
   * Tells whether the shift moved every entry towards its target.
   *
   * @return true if each entry {@linkplain TargetOutcome#approached() approached} its target
   */
  public boolean allApproached() {
    return targets.stream().allMatch(TargetOutcome::approached);
  }
}
