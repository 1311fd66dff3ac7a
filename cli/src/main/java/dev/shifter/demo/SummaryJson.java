package dev.shifter.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shifter.api.ShifterException;
import dev.shifter.eval.MlEfficacy;
import dev.shifter.eval.QualityReport;
import dev.shifter.commons.AtomicFiles;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes {@code summary.json}, the machine-readable summary of a demo run:
 *
 * <pre>{@code
 * {"data": "demo table (4,000 rows, seed 0)", "rows": 4000, "label": "churned", "ctgan_epochs": 60,
 *  "shifter_steps": 800, "shifter_stop": "converged", "shifter_within_tolerance": 3, "shifted_by": "shifter",
 *  "targets": [{"feature": "skewness", "key": "income", "target": 2.47, "data": 1.98, "unshifted": 1.7,
 *               "reached": 2.41, "tolerance": 0.12, "within_tolerance": true, "approached": true}, ...],
 *  "target_entries": 3, "targets_within_tolerance": 3,
 *  "quality": {"synthetic": {"detection_score": 0.8, "mean_ks_complement": 0.9, "mean_tv_complement": 0.95,
 *                            "efficacy": {"label": "churned", "f1_trained_on_synthetic": 0.5, ...}},
 *              "shifted": {...}},
 *  "report": {"images": 21, "sections": ["Overview", ...]},
 *  "seconds": {"data": 0.3, "fit": 60.1, ..., "total": 95.2},
 *  "files": {"data": "/abs/path/data.csv", ..., "report": "/abs/path/report.html", "summary": ...}}
 * }</pre>
 *
 * Absent figures (no categorical column, no label) are {@code null}.
 */
final class SummaryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  /**
   * Returns the summary as JSON text.
   *
   * @param result the run
   * @return the JSON
   */
  static String of(DemoResult result) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("data", result.data());
    root.put("rows", result.rows());
    if (result.label().isEmpty()) {
      root.putNull("label");
    } else {
      root.put("label", result.label());
    }
    root.put("ctgan_epochs", result.ctganEpochs());
    root.put("shifter_steps", result.shifterSteps());
    root.put("shifter_stop", result.shifterStop().name().toLowerCase(Locale.ROOT));
    root.put("shifter_within_tolerance", result.shifterWithinTolerance());
    root.put("shifted_by", result.shiftedBy());
    ArrayNode targets = root.putArray("targets");
    for (TargetOutcome outcome : result.targets()) {
      ObjectNode node = targets.addObject();
      node.put("feature", outcome.feature());
      node.put("key", outcome.key());
      node.put("target", outcome.target());
      number(node, "data", outcome.data());
      node.put("unshifted", outcome.unshifted());
      node.put("reached", outcome.reached());
      node.put("tolerance", outcome.tolerance());
      node.put("within_tolerance", outcome.withinTolerance());
      node.put("approached", outcome.approached());
    }
    root.put("target_entries", result.targets().size());
    root.put("targets_within_tolerance", result.withinTolerance());
    ObjectNode quality = root.putObject("quality");
    quality(quality.putObject("synthetic"), result.syntheticQuality());
    quality(quality.putObject("shifted"), result.shiftedQuality());
    ObjectNode report = root.putObject("report");
    report.put("images", result.report().images());
    ArrayNode sections = report.putArray("sections");
    result.report().sections().forEach(sections::add);
    ObjectNode seconds = root.putObject("seconds");
    for (Map.Entry<DemoStage, Double> stage : result.seconds().entrySet()) {
      seconds.put(stage.getKey().name().toLowerCase(Locale.ROOT), round(stage.getValue()));
    }
    seconds.put("total", round(result.totalSeconds()));
    DemoFiles files = result.files();
    ObjectNode paths = root.putObject("files");
    paths.put("data", absolute(files.data()));
    paths.put("target", absolute(files.target()));
    paths.put("model", absolute(files.model()));
    paths.put("synthetic", absolute(files.synthetic()));
    paths.put("shifter", absolute(files.shifter()));
    paths.put("shifted", absolute(files.shifted()));
    paths.put("report", absolute(files.report()));
    paths.put("summary", absolute(files.summary()));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A summary always converts to JSON", e);
    }
  }

  /**
   * Writes the summary to {@code summary.json}, through a temporary file that is then renamed.
   *
   * @param result the run
   * @throws ShifterException if the file cannot be written
   */
  static void write(DemoResult result) {
    AtomicFiles.writeText(result.files().summary(), of(result));
  }

  private static void quality(ObjectNode node, QualityReport report) {
    node.put("detection_score", report.detection().score());
    number(node, "mean_ks_complement", report.marginals().meanKsComplement());
    number(node, "mean_tv_complement", report.marginals().meanTvComplement());
    MlEfficacy efficacy = report.efficacy();
    if (efficacy == null) {
      node.putNull("efficacy");
      return;
    }
    ObjectNode scores = node.putObject("efficacy");
    scores.put("label", efficacy.label());
    scores.put("f1_trained_on_synthetic", efficacy.meanTrainedOnSynthetic().f1());
    scores.put("f1_trained_on_real", efficacy.meanTrainedOnReal().f1());
    scores.put("accuracy_trained_on_synthetic", efficacy.meanTrainedOnSynthetic().accuracy());
    scores.put("accuracy_trained_on_real", efficacy.meanTrainedOnReal().accuracy());
  }

  private static void number(ObjectNode node, String name, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(name, value.getAsDouble());
    } else {
      node.putNull(name);
    }
  }

  private static void number(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }

  private static String absolute(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }

  private static double round(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }
}
