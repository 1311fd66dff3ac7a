package dev.shifter.io.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Finds the first line of a file that is not valid UTF-8, in one streaming pass. */
final class Utf8Check {
  private static final int CHUNK = 1 << 16;

  private Utf8Check() {}

  /**
   * Returns the line (counting from 1) of the first byte sequence that is not UTF-8.
   *
   * @param file the file
   * @return the line, or empty if the whole file is valid UTF-8
   * @throws IOException if the file cannot be read
   */
  static OptionalLong firstInvalidLine(Path file) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
    CharBuffer chars = CharBuffer.allocate(CHUNK);
    long line = 1;
    try (InputStream in = Files.newInputStream(file)) {
      boolean end = false;
      while (!end) {
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        end = read < 0;
        if (!end) {
          bytes.position(bytes.position() + read);
        }
        bytes.flip();
        while (true) {
          CoderResult result = decoder.decode(bytes, chars, end);
          line += newlines(chars);
          if (result.isError()) {
            return OptionalLong.of(line);
          }
          if (!result.isOverflow()) {
            break;
          }
        }
        bytes.compact();
      }
    }
    return OptionalLong.empty();
  }

  private static long newlines(CharBuffer chars) {
    chars.flip();
    long count = 0;
    while (chars.hasRemaining()) {
      if (chars.get() == '\n') {
        count++;
      }
    }
    chars.clear();
    return count;
  }
}
