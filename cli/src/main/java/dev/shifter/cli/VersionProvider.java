package dev.shifter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Prints Shifter's version (from the jar's Maven metadata) with the Java and platform versions. */
final class VersionProvider implements IVersionProvider {
  private static final String POM_PROPERTIES = "/META-INF/maven/dev.shifter/shifter-cli/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
      "shifter " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + "), "
          + System.getProperty("os.name") + " " + System.getProperty("os.arch")
    };
  }

  private static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "(unknown version)");
      }
    } catch (IOException e) {
      return "(unknown version: " + e.getMessage() + ")";
    }
    return "(development build)";
  }
}
