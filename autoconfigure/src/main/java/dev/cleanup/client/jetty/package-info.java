/**
 * Jetty 12's {@code HttpClient}: which beans and Spring factories and connectors hold it,
 * its threads, and how to measure, drain and stop it.
 */
@NullMarked
package dev.cleanup.client.jetty;

import org.jspecify.annotations.NullMarked;
