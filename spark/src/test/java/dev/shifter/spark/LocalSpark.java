package dev.shifter.spark;

import org.apache.spark.sql.SparkSession;

/** One in-process Spark for every test of this module: two worker threads, up to four attempts a task. */
final class LocalSpark {
  private LocalSpark() {}

  static SparkSession session() {
    return SparkSession.builder().master("local[2,4]").appName("shifter-spark-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }
}
