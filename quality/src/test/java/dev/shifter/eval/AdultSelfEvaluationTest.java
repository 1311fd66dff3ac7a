package dev.shifter.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shifter.api.Table;
import dev.shifter.api.testing.SharedData;
import dev.shifter.io.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/** Adult against itself: the even rows as "real", the odd rows as "synthetic". */
class AdultSelfEvaluationTest {
  @TempDir
  Path dir;

  @Test
  void twoHalvesOfAdultAreIndistinguishableAndEquallyUseful(TestReporter reporter) throws IOException {
    Path adult = SharedData.require("adult.csv");
    List<String> lines = Files.readAllLines(adult, StandardCharsets.UTF_8);
    List<String> even = new ArrayList<>(List.of(lines.get(0)));
    List<String> odd = new ArrayList<>(List.of(lines.get(0)));
    for (int i = 1; i < lines.size(); i++) {
      (i % 2 == 1 ? even : odd).add(lines.get(i));
    }
    Path realFile = Files.write(dir.resolve("real.csv"), even, StandardCharsets.UTF_8);
    Path syntheticFile = Files.write(dir.resolve("synthetic.csv"), odd, StandardCharsets.UTF_8);

    long start = System.nanoTime();
    QualityReport report;
    try (BufferAllocator allocator = new RootAllocator();
        Table real = Tables.read(realFile, allocator);
        Table synthetic = Tables.read(syntheticFile, allocator)) {
      report = QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).optLabel("income").optSeed(1)
          .build().evaluate();
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    MlEfficacy efficacy = report.efficacy();
    assertThat(efficacy).isNotNull();
    reporter.publishEntry("adult-halves", String.format(Locale.ROOT,
        "adult halves (%d vs %d rows): detection %.4f (AUCs %s, %d features), KS %.4f, TV %.4f, "
            + "F1 synthetic %.4f real %.4f, accuracy synthetic %.4f real %.4f, %s; %.1f s",
        report.realRows(), report.syntheticRows(), report.detection().score(), report.detection().foldAucs(),
        report.detection().encodedFeatures(), report.marginals().meanKsComplement().orElseThrow(),
        report.marginals().meanTvComplement().orElseThrow(), efficacy.meanTrainedOnSynthetic().f1(),
        efficacy.meanTrainedOnReal().f1(), efficacy.meanTrainedOnSynthetic().accuracy(),
        efficacy.meanTrainedOnReal().accuracy(), efficacy.classifiers(), seconds));
    assertThat(report.continuousColumns()).hasSize(6);
    assertThat(report.categoricalColumns()).hasSize(9);
    assertThat(report.detection().score()).isGreaterThanOrEqualTo(0.9);
    assertThat(report.marginals().meanKsComplement().orElseThrow()).isGreaterThan(0.97);
    assertThat(report.marginals().meanTvComplement().orElseThrow()).isGreaterThan(0.97);
    assertThat(efficacy.positiveClass()).isEqualTo(">50K");
    assertThat(efficacy.meanTrainedOnReal().f1()).isBetween(0.5, 0.8);
    assertThat(efficacy.meanTrainedOnSynthetic().f1()).isBetween(efficacy.meanTrainedOnReal().f1() - 0.05,
        efficacy.meanTrainedOnReal().f1() + 0.05);
  }
}
