/**
 * Test helpers shared by the modules through the API's test jar: real data sets, gradient checks and
 * native-memory trends.
 */
@NullMarked
package dev.shifter.api.testing;

import org.jspecify.annotations.NullMarked;
