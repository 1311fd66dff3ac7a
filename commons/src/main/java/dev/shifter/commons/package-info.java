/**
 * Helpers the Shifter modules share, one copy each: atomic files and directories (temporary copies
 * beside the target, renamed into place, removed on interrupt and on the next write), the kinds of
 * directory Shifter writes and how to tell them apart, and SHA-256 digests. Used by Shifter's own
 * modules; not part of the public API.
 */
@NullMarked
package dev.shifter.commons;

import org.jspecify.annotations.NullMarked;
