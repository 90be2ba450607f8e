/**
 * Jetty 12's {@code HttpClient}: which beans and Spring factories and connectors hold it,
 * its threads, and how to measure, drain and stop it.
 * <p>
 * Internal: not part of the starter's public API (see {@code docs/api.md}); its types may
 * change in any release without notice.
 */
@NullMarked
package dev.cleanup.client.jetty;

import org.jspecify.annotations.NullMarked;
