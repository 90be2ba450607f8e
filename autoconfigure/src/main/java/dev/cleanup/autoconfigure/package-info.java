/**
 * Auto-configuration: properties, the stage beans and their checks.
 */
@NullMarked
package dev.cleanup.autoconfigure;

import org.jspecify.annotations.NullMarked;
