package dev.shifter.eval;

/**
 * How well one classifier predicted the real test rows.
 *
 * @param accuracy the share of test rows whose label was predicted right, in [0, 1]
 * @param f1 for a binary label the F1 of the positive class (the less frequent label of the real
 *     table), for a multi-class label the macro F1 (mean F1 over every label that is true or predicted
 *     at least once); in [0, 1], a label never true nor predicted counting 0
 */
public record Scores(double accuracy, double f1) {}
