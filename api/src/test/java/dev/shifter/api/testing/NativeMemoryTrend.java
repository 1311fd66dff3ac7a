package dev.shifter.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Samples of a process's native memory taken at regular intervals of a long loop, and the two figures
 * that tell a leak from the allocator's own moves.
 *
 * <p>A sample is {@code VmRSS} minus the resident part of the Java heap after a {@code System.gc()}: what is
 * left is native memory (PyTorch's tensors, code, metaspace). That figure is not smooth even without a leak:
 * glibc opens a new malloc arena (64 MB) when a thread first contends for one, and trims freed memory
 * back to the kernel when it likes, so it moves by a one-off step of tens of MB at any time. A leak is a
 * steady climb instead: it raises most intervals. So the test of a leak is the <em>median</em> increase
 * between successive samples ({@link #medianIncreaseMb()}), which a one-off step does not move, plus a
 * cap on the total growth from the lowest sample of the first window to the lowest of the last
 * ({@link #growthMb(int)}) that a step or two fits under.
 *
 * @param samplesKb the samples in KB, in the order taken; at least two
 */
public record NativeMemoryTrend(List<Long> samplesKb) {
  /**
   * The most a leak-free loop's median increase per interval may be, in MB: at 250 steps an interval,
   * 8 KB a step. The 2-4 MB a step of {@code JniUtils.backward(..., create_graph)} would show as 500 MB and more.
   */
  public static final double MAX_MEDIAN_INCREASE_MB = 2.0;

  /** The most a leak-free loop's {@link #growthMb(int) growth} may be, in MB: room for two malloc arenas. */
  public static final double MAX_GROWTH_MB = 128.0;

  private static final Pattern ADDRESS = Pattern.compile("0x([0-9a-fA-F]+)");
  private static final Pattern MAPPING = Pattern.compile("([0-9a-f]+)-[0-9a-f]+ ");

  /** Checks the samples and copies the list. */
  public NativeMemoryTrend {
    if (samplesKb.size() < 2) {
      throw new IllegalArgumentException("need at least two samples, got " + samplesKb.size());
    }
    samplesKb = List.copyOf(samplesKb);
  }

  /**
   * Runs a full garbage collection and returns this process's resident size minus the resident part of
   * the Java heap, in KB. Linux and HotSpot: it reads {@code /proc/self/status} and {@code /proc/self/smaps}
   * and asks the JVM where its heap lies ({@code jcmd GC.heap_info} through JMX). Where the JVM cannot say,
   * it subtracts the committed heap instead, which moves with the collector's choices by tens of MB.
   *
   * @return the native part of the resident size, in KB
   */
  public static long sample() {
    System.gc();
    long residentKb = statusKilobytes("VmRSS:");
    return heapRange().map(NativeMemoryTrend::residentKilobytesIn).map(heapKb -> residentKb - heapKb)
        .orElseGet(() -> residentKb - ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024);
  }

  private static long statusKilobytes(String field) {
    for (String line : readLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no " + field + " line in /proc/self/status");
  }

  /** The Java heap's reserved address range [low, high), from the lowest and highest address GC.heap_info prints. */
  private static Optional<long[]> heapRange() {
    String info;
    try {
      info = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcHeapInfo",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
    } catch (JMException | RuntimeException e) {
      return Optional.empty();
    }
    long low = Long.MAX_VALUE;
    long high = Long.MIN_VALUE;
    for (String line : info.split("\\R")) {
      if (line.contains("Metaspace") || line.contains("class space")) {
        continue;
      }
      Matcher m = ADDRESS.matcher(line);
      while (m.find()) {
        long address = Long.parseUnsignedLong(m.group(1), 16);
        low = Math.min(low, address);
        high = Math.max(high, address);
      }
    }
    return low < high ? Optional.of(new long[] {low, high}) : Optional.empty();
  }

  private static long residentKilobytesIn(long[] range) {
    long total = 0;
    boolean inside = false;
    for (String line : readLines(Path.of("/proc/self/smaps"))) {
      Matcher mapping = MAPPING.matcher(line);
      if (mapping.lookingAt()) {
        long start = Long.parseUnsignedLong(mapping.group(1), 16);
        inside = start >= range[0] && start < range[1];
      } else if (inside && line.startsWith("Rss:")) {
        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return total;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the median of the increases between successive samples, in MB (a decrease counts as a
   * negative increase). A steady leak of L MB an interval makes it about L; a one-off step leaves it
   * near zero.
   *
   * @return the median increase per interval, in MB
   */
  public double medianIncreaseMb() {
    List<Long> increases = new ArrayList<>();
    for (int i = 1; i < samplesKb.size(); i++) {
      increases.add(samplesKb.get(i) - samplesKb.get(i - 1));
    }
    Collections.sort(increases);
    int n = increases.size();
    double median = n % 2 == 1 ? increases.get(n / 2) : (increases.get(n / 2 - 1) + increases.get(n / 2)) / 2.0;
    return median / 1024.0;
  }

  /**
   * Returns the growth from the lowest sample of the first {@code window} to the lowest of the last, in MB.
   *
   * @param window how many samples each end's window holds; at most the number of samples
   * @return the growth, in MB (negative when memory went down)
   */
  public double growthMb(int window) {
    if (window < 1 || window > samplesKb.size()) {
      throw new IllegalArgumentException("window " + window + " must be in 1.." + samplesKb.size());
    }
    long first = Collections.min(samplesKb.subList(0, window));
    long last = Collections.min(samplesKb.subList(samplesKb.size() - window, samplesKb.size()));
    return (last - first) / 1024.0;
  }

  /**
   * Describes the samples and both figures in one line, for a test's failure message and its log.
   *
   * @param window the window of {@link #growthMb(int)}
   * @return the description
   */
  public String describe(int window) {
    return String.format(Locale.ROOT, "native memory (VmRSS minus the resident Java heap, MB, after System.gc): %s; "
            + "median increase per interval %.2f MB; growth lowest of first %d to lowest of last %d %.1f MB",
        samplesKb.stream().map(kb -> String.valueOf(kb / 1024)).toList(), medianIncreaseMb(), window, window,
        growthMb(window));
  }
}
