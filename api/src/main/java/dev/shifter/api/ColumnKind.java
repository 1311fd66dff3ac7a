package dev.shifter.api;

/** Whether a table column holds numbers or categories. */
public enum ColumnKind {
  /** Numbers, stored as an Arrow {@code Float8Vector}; meta-features are computed on these. */
  CONTINUOUS,
  /** Category labels, stored as an Arrow {@code VarCharVector}. */
  CATEGORICAL
}
