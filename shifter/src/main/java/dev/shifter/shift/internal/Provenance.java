package dev.shifter.shift.internal;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * What made a Shifter: library, engine and Java versions and the platform.
 *
 * @param library this library's Maven coordinates and version
 * @param djl the DJL version
 * @param engine the engine and its version
 * @param java the Java runtime version and vendor
 * @param os the operating system name and version
 * @param arch the processor architecture
 * @param created when the artifact was written, ISO-8601 in UTC
 */
public record Provenance(String library, String djl, String engine, String java, String os, String arch,
    String created) {
  private static final String POM_PROPERTIES = "/META-INF/maven/dev.shifter/shifter-shifter/pom.properties";

  /**
   * Describes the running library, engine, Java and platform.
   *
   * @return the provenance, created now
   */
  public static Provenance current() {
    Engine engine = Engine.getInstance();
    return new Provenance("dev.shifter:shifter-shifter:" + libraryVersion(), Engine.getDjlVersion(),
        engine.getEngineName() + " " + engine.getVersion(),
        Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private static String libraryVersion() {
    try (InputStream in = Provenance.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      return "unknown";
    }
    return "development build";
  }
}
