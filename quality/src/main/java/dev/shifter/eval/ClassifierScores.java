package dev.shifter.eval;

/**
 * One classifier's machine-learning efficacy: trained on the synthetic table, and as a baseline on
 * the real training rows, both tested on the same real test rows.
 *
 * @param classifier the classifier
 * @param trainedOnSynthetic its scores when trained on the synthetic rows
 * @param trainedOnReal its scores when trained on the real training rows
 */
public record ClassifierScores(EfficacyClassifier classifier, Scores trainedOnSynthetic, Scores trainedOnReal) {}
