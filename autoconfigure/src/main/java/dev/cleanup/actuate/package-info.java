/**
 * The {@code cleanup} actuator endpoint and the starter's meters.
 */
@NullMarked
package dev.cleanup.actuate;

import org.jspecify.annotations.NullMarked;
