package dev.shifter.io.internal;

import dev.shifter.api.InvalidInputException;
import dev.shifter.api.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.arrow.dataset.file.FileFormat;
import org.apache.arrow.dataset.file.FileSystemDatasetFactory;
import org.apache.arrow.dataset.jni.NativeMemoryPool;
import org.apache.arrow.dataset.scanner.ScanOptions;
import org.apache.arrow.dataset.scanner.Scanner;
import org.apache.arrow.dataset.source.Dataset;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Reads a Parquet file into a {@link Table} with Arrow's Dataset library (Arrow C++ through JNI), whose
 * record batches then follow the rules of {@link ArrowTableReader}: numbers become continuous, strings
 * and booleans categorical, nulls missing. Every Parquet compression Arrow C++ was built with (Snappy,
 * gzip, Zstandard, LZ4, Brotli) is read.
 */
public final class ParquetTableReader {
  private static final int BATCH_ROWS = 32_768;

  private ParquetTableReader() {}

  /**
   * Reads the file.
   *
   * @param file a Parquet file
   * @param allocator the allocator that will own the table's vectors
   * @param rules as for {@link ArrowTableReader#read}
   * @return the table
   * @throws InvalidInputException naming the file if it is missing or not Parquet, and the row and column
   *     where a value is the problem
   */
  public static Table read(Path file, BufferAllocator allocator, ReadRules rules) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": no such file. Check the path.");
    }
    String uri = file.toAbsolutePath().toUri().toString();
    try (FileSystemDatasetFactory factory = new FileSystemDatasetFactory(allocator, NativeMemoryPool.getDefault(),
            FileFormat.PARQUET, uri);
        Dataset dataset = factory.finish();
        Scanner scanner = dataset.newScan(new ScanOptions(BATCH_ROWS))) {
      return ArrowTableReader.read(file, allocator, rules, scanner::scanBatches, "a Parquet file",
          "Check that it is a Parquet file (pyarrow: pyarrow.parquet.write_table(table, path)).");
    } catch (InvalidInputException e) {
      throw e;
    } catch (Exception e) {
      throw new InvalidInputException(file + ": cannot read it as a Parquet file: " + e.getMessage() + ". Check that "
          + "it is a Parquet file (pyarrow: pyarrow.parquet.write_table(table, path)).", e);
    }
  }
}
