package dev.shifter.commons;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * What made an artifact (a model or a Shifter directory): the library, engine and Java versions and the
 * platform, as the manifests record them (after Tribuo's model provenance).
 *
 * @param library the writing module's Maven coordinates and version
 * @param djl the DJL version
 * @param engine the deep-learning engine and its version
 * @param java the Java runtime version and vendor
 * @param os the operating system name and version
 * @param arch the processor architecture
 * @param created when the artifact was written, ISO-8601 in UTC
 */
public record Provenance(String library, String djl, String engine, String java, String os, String arch,
    String created) {

  /**
   * Describes the running library, engine, Java and platform.
   *
   * @param artifactId the Maven artifact id of the module that writes the artifact, e.g.
   *     {@code "shifter-ctgan"}; its version is read from the jar's {@code pom.properties}
   * @return the provenance, created now
   */
  public static Provenance current(String artifactId) {
    Engine engine = Engine.getInstance();
    return new Provenance("dev.shifter:" + artifactId + ":" + libraryVersion(artifactId), Engine.getDjlVersion(),
        engine.getEngineName() + " " + engine.getVersion(),
        Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private static String libraryVersion(String artifactId) {
    String resource = "/META-INF/maven/dev.shifter/" + artifactId + "/pom.properties";
    try (InputStream in = Provenance.class.getResourceAsStream(resource)) {
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
