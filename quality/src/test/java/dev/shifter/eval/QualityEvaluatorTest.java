package dev.shifter.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Remedy;
import dev.shifter.api.Remedy.Setting;
import dev.shifter.api.ShifterException;
import dev.shifter.api.Table;
import dev.shifter.api.TableBuilder;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QualityEvaluatorTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  @Test
  void aResampleOfTheSameDistributionIsHardToDetectAndMatchesItsMarginals() {
    try (Table real = GeneratedTables.draw(allocator, 2000, 0, 1);
        Table synthetic = GeneratedTables.draw(allocator, 2000, 0, 2)) {
      QualityReport report = QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).build().evaluate();

      assertThat(report.detection().score()).isGreaterThanOrEqualTo(0.9);
      assertThat(report.detection().folds()).isEqualTo(3);
      assertThat(report.detection().foldAucs()).allSatisfy(auc -> assertThat(auc).isBetween(0.45, 0.55));
      assertThat(report.marginals().meanKsComplement().orElseThrow()).isGreaterThan(0.95);
      assertThat(report.marginals().meanTvComplement().orElseThrow()).isGreaterThan(0.95);
      assertThat(report.marginals().ksComplements()).containsOnlyKeys("x", "z");
      assertThat(report.marginals().tvComplements()).containsOnlyKeys("c", "y");
      assertThat(report.efficacy()).isNull();
      assertThat(report.realRows()).isEqualTo(2000);
      assertThat(report.continuousColumns()).containsExactly("x", "z");
      assertThat(report.categoricalColumns()).containsExactly("c", "y");
    }
  }

  @Test
  void aMeanShiftedByFiveStandardDeviationsIsDetectedAlmostSurely() {
    try (Table real = GeneratedTables.draw(allocator, 2000, 0, 1);
        Table synthetic = GeneratedTables.draw(allocator, 2000, 5, 2)) {
      QualityReport report = QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).build().evaluate();

      assertThat(report.detection().score()).isLessThanOrEqualTo(0.1);
      assertThat(report.marginals().ksComplements().get("x")).isLessThan(0.1);
      assertThat(report.marginals().ksComplements().get("z")).isGreaterThan(0.9);
    }
  }

  @Test
  void theRandomForestCannotTellASampleOfTheSameDistributionButTellsAShiftedOne() {
    try (Table real = GeneratedTables.draw(allocator, 2000, 0, 1);
        Table same = GeneratedTables.draw(allocator, 2000, 0, 2);
        Table shifted = GeneratedTables.draw(allocator, 2000, 1, 3)) {
      ForestDetection alike = QualityEvaluator.builder().setReal(real).setSynthetic(same).optSeed(4).build()
          .forestDetection();
      ForestDetection apart = QualityEvaluator.builder().setReal(real).setSynthetic(shifted).optSeed(4).build()
          .forestDetection();

      assertThat(alike.foldAucs()).hasSize(QualityEvaluator.FOREST_FOLDS);
      assertThat(alike.rowsPerTable()).isEqualTo(2000);
      assertThat(alike.auc()).isBetween(0.4, 0.6);
      assertThat(apart.auc()).isGreaterThan(0.7);
    }
  }

  @Test
  void classifiersTrainedOnRealRowsLearnTheLabelAndOnRandomLabelsDoNot() {
    try (Table real = GeneratedTables.draw(allocator, 3000, 0, 1);
        Table synthetic = GeneratedTables.drawWithRandomLabels(allocator, 3000, 2)) {
      MlEfficacy efficacy = QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).optLabel("y")
          .optSeed(5).build().evaluate().efficacy();

      assertThat(efficacy).isNotNull();
      assertThat(efficacy.positiveClass()).isEqualTo("yes");
      assertThat(efficacy.binary()).isTrue();
      assertThat(efficacy.heldOut()).isTrue();
      assertThat(efficacy.testRows()).isEqualTo(600);
      assertThat(efficacy.realTrainRows()).isEqualTo(2400);
      assertThat(efficacy.syntheticTrainRows()).isEqualTo(3000);
      assertThat(efficacy.classifiers()).extracting(ClassifierScores::classifier)
          .containsExactly(EfficacyClassifier.LOGISTIC_REGRESSION, EfficacyClassifier.DECISION_TREE);
      for (ClassifierScores scores : efficacy.classifiers()) {
        assertThat(scores.trainedOnReal().f1()).as(scores.classifier().id()).isGreaterThan(0.85);
        assertThat(scores.trainedOnReal().accuracy()).as(scores.classifier().id()).isGreaterThan(0.9);
        assertThat(scores.trainedOnSynthetic().f1()).as(scores.classifier().id()).isLessThan(0.45);
      }
      assertThat(efficacy.meanTrainedOnReal().f1()).isCloseTo(efficacy.classifiers().stream()
          .mapToDouble(s -> s.trainedOnReal().f1()).average().orElseThrow(), within(1e-12));
    }
  }

  @Test
  void aGivenRealTestTableIsUsedWholeAndTheBaselineTrainsOnTheWholeRealTable() {
    try (Table real = GeneratedTables.draw(allocator, 1500, 0, 1);
        Table test = GeneratedTables.draw(allocator, 500, 0, 3);
        Table synthetic = GeneratedTables.draw(allocator, 1500, 0, 2)) {
      MlEfficacy efficacy = QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).optRealTest(test)
          .optLabel("y").optClassifiers(List.of(EfficacyClassifier.DECISION_TREE)).build().evaluate().efficacy();

      assertThat(efficacy).isNotNull();
      assertThat(efficacy.heldOut()).isFalse();
      assertThat(efficacy.heldOutFraction()).isZero();
      assertThat(efficacy.realTrainRows()).isEqualTo(1500);
      assertThat(efficacy.testRows()).isEqualTo(500);
      assertThat(efficacy.classifiers()).hasSize(1);
      assertThat(efficacy.meanTrainedOnSynthetic().f1()).isGreaterThan(0.8);
    }
  }

  @Test
  void aLabelWithThreeClassesIsScoredByMacroF1() {
    try (Table real = threeClasses(1200, 1);
        Table synthetic = threeClasses(1200, 2)) {
      MlEfficacy efficacy = QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).optLabel("k")
          .build().evaluate().efficacy();

      assertThat(efficacy).isNotNull();
      assertThat(efficacy.positiveClass()).isNull();
      assertThat(efficacy.binary()).isFalse();
      assertThat(efficacy.meanTrainedOnReal().f1()).isGreaterThan(0.9);
      assertThat(efficacy.meanTrainedOnSynthetic().f1()).isGreaterThan(0.9);
    }
  }

  private Table threeClasses(int rows, long seed) {
    Random random = new Random(seed);
    double[] v = new double[rows];
    String[] k = new String[rows];
    for (int i = 0; i < rows; i++) {
      v[i] = random.nextDouble() * 3;
      k[i] = v[i] < 1 ? "low" : v[i] < 2 ? "mid" : "high";
    }
    try (TableBuilder builder = new TableBuilder(allocator)) {
      return builder.addContinuous("v", v).addCategorical("k", k).build();
    }
  }

  @Test
  void theSameSeedGivesTheSameReport() {
    try (Table real = GeneratedTables.draw(allocator, 800, 0, 1);
        Table synthetic = GeneratedTables.draw(allocator, 800, 0.3, 2)) {
      QualityEvaluator.Builder builder = QualityEvaluator.builder().setReal(real).setSynthetic(synthetic)
          .optLabel("y").optSeed(11);

      assertThat(builder.build().evaluate()).isEqualTo(builder.build().evaluate());
    }
  }

  @Test
  void tablesWithDifferentColumnsAreRefusedWithTheDifferencesNamed() {
    try (Table real = GeneratedTables.draw(allocator, 10, 0, 1);
        TableBuilder builder = new TableBuilder(allocator)) {
      Table other = builder.addCategorical("x", new String[] {"1", "2", "3"})
          .addContinuous("z", new double[] {1, 2, 3}).addContinuous("extra", new double[] {1, 2, 3}).build();
      try (other) {
        assertThatThrownBy(() -> QualityEvaluator.builder().setReal(real).setSynthetic(other).build())
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("missing from the synthetic table: c, y")
            .hasMessageContaining("not in the real table: extra")
            .hasMessageContaining("x (real continuous, synthetic categorical)")
            .hasMessageContaining("same columns");
      }
    }
  }

  @Test
  void aContinuousLabelIsRefusedWithTheFix() {
    try (Table real = GeneratedTables.draw(allocator, 10, 0, 1);
        Table synthetic = GeneratedTables.draw(allocator, 10, 0, 2)) {
      assertThatThrownBy(() -> QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).optLabel("x").build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("'x' is continuous")
          .hasMessageNotContaining("--").extracting(e -> ((ShifterException) e).remedies()).asList()
          .containsExactly(Remedy.set(Setting.DISCRETE_COLUMN, "x"));
    }
  }

  @Test
  void anUnknownLabelIsRefusedWithTheColumnsListed() {
    try (Table real = GeneratedTables.draw(allocator, 10, 0, 1);
        Table synthetic = GeneratedTables.draw(allocator, 10, 0, 2)) {
      assertThatThrownBy(() -> QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).optLabel("w").build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("x, z, c, y");
    }
  }

  @Test
  void aMissingTableOrTooFewRowsAreRefused() {
    try (Table real = GeneratedTables.draw(allocator, 2, 0, 1);
        Table synthetic = GeneratedTables.draw(allocator, 10, 0, 2)) {
      assertThatThrownBy(() -> QualityEvaluator.builder().setReal(real).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("setSynthetic(Table)");
      assertThatThrownBy(() -> QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).build())
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("real table has 2 rows");
    }
  }

  @Test
  void aLabelWithASingleClassIsRefused() {
    try (TableBuilder realBuilder = new TableBuilder(allocator);
        TableBuilder syntheticBuilder = new TableBuilder(allocator)) {
      Table real = realBuilder.addContinuous("v", new double[] {1, 2, 3, 4})
          .addCategorical("k", new String[] {"a", "a", "a", "a"}).build();
      Table synthetic = syntheticBuilder.addContinuous("v", new double[] {1, 2, 3, 4})
          .addCategorical("k", new String[] {"a", "b", "a", "b"}).build();
      try (real; synthetic) {
        QualityEvaluator evaluator = QualityEvaluator.builder().setReal(real).setSynthetic(synthetic).optLabel("k")
            .build();
        assertThatThrownBy(evaluator::evaluate)
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("only the class 'a'");
      }
    }
  }
}
