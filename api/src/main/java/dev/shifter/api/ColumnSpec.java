package dev.shifter.api;

/**
 * The name and kind of one table column.
 *
 * @param name the column's name, unique within its table
 * @param kind continuous or categorical
 */
public record ColumnSpec(String name, ColumnKind kind) {}
