package dev.shifter.cli.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shifter.api.InvalidInputException;
import dev.shifter.spark.DistributedMetaFeatures;
import dev.shifter.spark.DistributedMetaFeatures.Method;
import dev.shifter.spark.MetaFeatureQuery;
import dev.shifter.spark.ShifterSpark;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code metafeatures}: the meta-features of a table Spark reads, as JSON in the shape of
 * {@code bin/shifter metafeatures --format json}, with how each was computed on standard error.
 */
@Command(name = "metafeatures", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Compute meta-features of a distributed table in one pass: moments, correlations, covariances, "
        + "Gaussian MI, category shares and class entropy exactly; median and iq_range from quantile sketches; "
        + "the rest on a seeded sample.")
final class MetaFeaturesJob implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec
  CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "PATH", description = "The table (Parquet or CSV).")
  String data = "";

  @Option(names = "--format", paramLabel = "parquet|csv",
      description = "The table's format (default: csv when --data ends in .csv, otherwise parquet).")
  @Nullable String format;

  @Option(names = "--features", split = ",", paramLabel = "NAME", required = true,
      description = "The meta-features, in this order.")
  List<String> features = new ArrayList<>();

  @Option(names = "--label", paramLabel = "COLUMN", description = "The label column, for class-aware features.")
  @Nullable String label;

  @Option(names = "--relative-error", paramLabel = "E", defaultValue = "1e-4",
      description = "The quantile sketches' rank error (default ${DEFAULT-VALUE}).")
  double relativeError;

  @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "100000",
      description = "Rows of the seeded sample for features without an exact or sketched form (default "
          + "${DEFAULT-VALUE}).")
  int sampleRows;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The sample's seed (default 0).")
  long seed;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the JSON here (default: standard output).")
  @Nullable Path out;

  private final SparkSession session;

  MetaFeaturesJob(SparkSession session) {
    this.session = session;
  }

  @Override
  public Integer call() {
    Dataset<Row> table = TableFormats.read(session, data, format);
    MetaFeatureQuery.Builder query = MetaFeatureQuery.builder().setFeatures(features.stream().map(String::strip)
        .filter(name -> !name.isEmpty()).distinct().toList()).optRelativeError(relativeError)
        .optSampleRows(sampleRows).optSeed(seed);
    if (label != null) {
      query.optLabel(label);
    }
    long started = System.nanoTime();
    DistributedMetaFeatures result = ShifterSpark.metaFeatures(table, query.build());
    double seconds = (System.nanoTime() - started) / 1e9;
    PrintWriter err = spec.commandLine().getErr();
    describe(result, seconds, err);
    if (!result.needLabel().isEmpty()) {
      throw new InvalidInputException(String.join(", ", result.needLabel()) + " need the label column (the "
          + "class). Name it with --label COLUMN.");
    }
    String json = json(result);
    if (out == null) {
      spec.commandLine().getOut().println(json);
    } else {
      writeAtomically(out, json);
    }
    return result.failures().isEmpty() ? SparkMain.OK : SparkMain.PLUGIN;
  }

  private static void describe(DistributedMetaFeatures result, double seconds, PrintWriter err) {
    err.printf(Locale.ROOT, "%,d rows (%,d with every continuous value) in %.1f s%n", result.rows(),
        result.continuousRows(), seconds);
    for (Map.Entry<String, Method> entry : result.methods().entrySet()) {
      String how = switch (entry.getValue()) {
        case EXACT -> "exact";
        case SKETCH -> String.format(Locale.ROOT, "sketch, rank error %.2g", result.quantileRankError());
        case SAMPLE -> String.format(Locale.ROOT, "sample of %,d rows", result.sampleRows());
      };
      err.println("  " + entry.getKey() + ": " + how);
    }
    if (!result.emptyColumns().isEmpty()) {
      err.println("warning: " + String.join(", ", result.emptyColumns()) + " hold no value and were left out.");
    }
    result.failures().forEach((feature, why) -> err.println("warning: " + feature + " failed: " + why));
  }

  private static String json(DistributedMetaFeatures result) {
    ObjectNode root = MAPPER.createObjectNode();
    result.values().forEach((feature, entries) -> {
      ObjectNode node = root.putObject(feature);
      entries.forEach((entry, value) -> {
        if (Double.isFinite(value)) {
          node.put(entry, value);
        } else {
          node.putNull(entry);
        }
      });
    });
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeAtomically(Path file, String text) {
    Path absolute = file.toAbsolutePath();
    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path temp = Files.createTempFile(parent, absolute.getFileName() + ".", ".tmp");
      try {
        Files.writeString(temp, text + System.lineSeparator());
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
