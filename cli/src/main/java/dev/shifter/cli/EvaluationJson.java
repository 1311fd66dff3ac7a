package dev.shifter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shifter.eval.ClassifierScores;
import dev.shifter.eval.MarginalFidelity;
import dev.shifter.eval.MlEfficacy;
import dev.shifter.eval.QualityReport;
import dev.shifter.eval.Scores;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Prints a {@link QualityReport} as JSON:
 *
 * <pre>{@code
 * {"rows": {"real": n, "synthetic": m},
 *  "columns": {"continuous": [...], "categorical": [...]},
 *  "seed": s,
 *  "detection": {"score": d, "folds": 3, "fold_auc": [...], "encoded_features": f},
 *  "marginals": {"ks_complement": k, "tv_complement": t,
 *                "columns": {"<name>": {"kind": "continuous", "ks_complement": v} | {"kind": "categorical", "tv_complement": v}}},
 *  "efficacy": null | {"label": "income", "f1": "binary" | "macro", "positive_class": ">50K" | null,
 *                      "test": "held_out" | "given", "held_out_fraction": 0.2,
 *                      "rows": {"real_train": a, "synthetic_train": b, "test": c},
 *                      "classifiers": {"<id>": {"synthetic": {"accuracy": x, "f1": y}, "real": {...}}, ...},
 *                      "mean": {"synthetic": {...}, "real": {...}}}}
 * }</pre>
 *
 * A mean over no columns is {@code null}.
 */
final class EvaluationJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
  private static final String CONTINUOUS = "continuous";
  private static final String CATEGORICAL = "categorical";
  private static final String SYNTHETIC = "synthetic";
  private static final String REAL = "real";
  private static final String KS = "ks_complement";
  private static final String TV = "tv_complement";

  private EvaluationJson() {}

  /** Prints the report. */
  static void print(QualityReport report, PrintWriter out) {
    ObjectNode root = MAPPER.createObjectNode();
    root.putObject("rows").put(REAL, report.realRows()).put(SYNTHETIC, report.syntheticRows());
    ObjectNode columns = root.putObject("columns");
    report.continuousColumns().forEach(columns.putArray(CONTINUOUS)::add);
    report.categoricalColumns().forEach(columns.putArray(CATEGORICAL)::add);
    root.put("seed", report.seed());
    ObjectNode detection = root.putObject("detection");
    detection.put("score", report.detection().score()).put("folds", report.detection().folds());
    ArrayNode aucs = detection.putArray("fold_auc");
    report.detection().foldAucs().forEach(aucs::add);
    detection.put("encoded_features", report.detection().encodedFeatures());
    marginals(report.marginals(), root.putObject("marginals"));
    MlEfficacy efficacy = report.efficacy();
    if (efficacy == null) {
      root.putNull("efficacy");
    } else {
      efficacy(efficacy, root.putObject("efficacy"));
    }
    try {
      out.println(WRITER.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  private static void marginals(MarginalFidelity marginals, ObjectNode node) {
    putOptional(node, KS, marginals.meanKsComplement());
    putOptional(node, TV, marginals.meanTvComplement());
    ObjectNode columns = node.putObject("columns");
    for (Map.Entry<String, Double> entry : marginals.ksComplements().entrySet()) {
      columns.putObject(entry.getKey()).put("kind", CONTINUOUS).put(KS, entry.getValue());
    }
    for (Map.Entry<String, Double> entry : marginals.tvComplements().entrySet()) {
      columns.putObject(entry.getKey()).put("kind", CATEGORICAL).put(TV, entry.getValue());
    }
  }

  private static void efficacy(MlEfficacy efficacy, ObjectNode node) {
    node.put("label", efficacy.label()).put("f1", efficacy.binary() ? "binary" : "macro")
        .put("positive_class", efficacy.positiveClass())
        .put("test", efficacy.heldOut() ? "held_out" : "given")
        .put("held_out_fraction", efficacy.heldOutFraction());
    node.putObject("rows").put("real_train", efficacy.realTrainRows())
        .put("synthetic_train", efficacy.syntheticTrainRows()).put("test", efficacy.testRows());
    ObjectNode classifiers = node.putObject("classifiers");
    for (ClassifierScores scores : efficacy.classifiers()) {
      pair(classifiers.putObject(scores.classifier().id()), scores.trainedOnSynthetic(), scores.trainedOnReal());
    }
    pair(node.putObject("mean"), efficacy.meanTrainedOnSynthetic(), efficacy.meanTrainedOnReal());
  }

  private static void pair(ObjectNode node, Scores synthetic, Scores real) {
    scores(node.putObject(SYNTHETIC), synthetic);
    scores(node.putObject(REAL), real);
  }

  private static void scores(ObjectNode node, Scores scores) {
    node.put("accuracy", scores.accuracy()).put("f1", scores.f1());
  }

  private static void putOptional(ObjectNode node, String key, OptionalDouble value) {
    if (value.isPresent()) {
      node.put(key, value.getAsDouble());
    } else {
      node.putNull(key);
    }
  }
}
