/**
 * Teardown for Jetty 12's {@code HttpClient}: measure, drain and stop it.
 */
@NullMarked
package dev.cleanup.client.jetty;

import org.jspecify.annotations.NullMarked;
