/** Test helpers shared by the modules through the API's test jar: real data sets and gradient checks. */
@NullMarked
package dev.shifter.api.testing;

import org.jspecify.annotations.NullMarked;
