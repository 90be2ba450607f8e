/**
 * AssertJ assertions on an application's shutdown, for the application's own tests:
 * {@link dev.cleanup.testing.ShutdownAssertions#assertThatShutdownOf}.
 */
@NullMarked
package dev.cleanup.testing;

import org.jspecify.annotations.NullMarked;
