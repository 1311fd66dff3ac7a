/** Implementation details of the API module; not part of the public contract. */
@NullMarked
package dev.shifter.api.internal;

import org.jspecify.annotations.NullMarked;
