/**
 * Teardown engine, free of Spring: participants, their registry, the stage runner with
 * deadlines and the shutdown report.
 */
@NullMarked
package dev.cleanup.core;

import org.jspecify.annotations.NullMarked;
