package dev.shifter.spark.internal;

import dev.shifter.api.ColumnKind;
import dev.shifter.api.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The Spark schema of a model's tables: continuous columns as nullable doubles, categorical ones as strings. */
public final class SparkSchemas {

  /** The column of a sweep's rows that holds the point's number. */
  public static final String POINT = "point";

  private SparkSchemas() {}

  /**
   * Returns the schema of a model's columns.
   *
   * @param columns the columns, in order
   * @return the schema
   */
  public static StructType of(List<ColumnSpec> columns) {
    List<StructField> fields = new ArrayList<>();
    for (ColumnSpec column : columns) {
      fields.add(DataTypes.createStructField(column.name(),
          column.kind() == ColumnKind.CONTINUOUS ? DataTypes.DoubleType : DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }

  /**
   * Returns the schema of a sweep's rows: the point's number, then the model's columns.
   *
   * @param columns the model's columns, in order
   * @return the schema
   * @throws dev.shifter.api.InvalidInputException if the model has a column named {@code point}
   */
  public static StructType ofSweep(List<ColumnSpec> columns) {
    if (columns.stream().anyMatch(column -> POINT.equals(column.name()))) {
      throw new dev.shifter.api.InvalidInputException("The model has a column named '" + POINT + "', the name of "
          + "the point's number in a sweep's rows. Rename the column and fit the model again.");
    }
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(POINT, DataTypes.IntegerType, false));
    fields.addAll(List.of(of(columns).fields()));
    return DataTypes.createStructType(fields);
  }
}
