package dev.shifter.cli;

import java.util.regex.Pattern;

/** Quotes words for a POSIX shell, so that a command printed for the user can be pasted as it is. */
final class ShellWords {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

  private ShellWords() {}

  /**
   * Quotes a word if the shell would split or expand it.
   *
   * @param word the word
   * @return the word as it is when it is plain, else in single quotes
   */
  static String quote(String word) {
    if (!word.isEmpty() && PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
