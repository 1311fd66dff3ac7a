/**
 * The {@code shifter} command line: {@link dev.shifter.cli.Main} and its subcommands. The only package
 * that writes to the console.
 */
@NullMarked
package dev.shifter.cli;

import org.jspecify.annotations.NullMarked;
