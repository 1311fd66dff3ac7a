package dev.shifter.shift.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON mappers of the Shifter's files: snake_case keys, strict on duplicates and unknown keys. */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  /** Jackson's words for NaN, Infinity and the like, which JSON does not have. */
  private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '([^']*)'");

  private Json() {}

  /**
   * Returns the shared mapper (thread-safe once configured).
   *
   * @return the mapper
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Returns the message of a parse failure with its location, without Jackson's source excerpt.
   *
   * @param e the failure
   * @return e.g. {@code "Unexpected character ('}' ...) at line 3, column 5"}
   */
  public static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    Matcher nonNumeric = NON_NUMERIC.matcher(String.valueOf(message));
    if (nonNumeric.find()) {
      message = "'" + nonNumeric.group(1) + "' is not a number in JSON: values must be finite numbers such as 0.4 "
          + "or -12";
    }
    if (e.getLocation() != null) {
      message += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
    return message;
  }
}
