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
}
