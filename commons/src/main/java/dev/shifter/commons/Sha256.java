package dev.shifter.commons;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, of bytes and of float arrays. */
public final class Sha256 {
  private static final int FLOATS_PER_CHUNK = 1 << 16;

  private Sha256() {}

  /**
   * Returns the digest of some bytes.
   *
   * @param bytes the bytes
   * @return 64 lower-case hex digits
   */
  public static String of(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /**
   * Returns the digest of floats written little-endian, e.g. to fingerprint encoded training data.
   *
   * @param values the floats
   * @return 64 lower-case hex digits
   */
  public static String of(float[] values) {
    MessageDigest digest = digest();
    ByteBuffer buffer = ByteBuffer.allocate(FLOATS_PER_CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (int from = 0; from < values.length; from += FLOATS_PER_CHUNK) {
      int to = Math.min(values.length, from + FLOATS_PER_CHUNK);
      buffer.clear();
      buffer.asFloatBuffer().put(values, from, to - from);
      digest.update(buffer.array(), 0, (to - from) * Float.BYTES);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
