/**
 * The JDK's {@code java.net.http.HttpClient}: which beans and Spring factories and
 * connectors hold it, its threads, and how to close it on Java 21 and later and shut down
 * the executor it was given on any Java version.
 * <p>
 * Internal: not part of the starter's public API (see {@code docs/api.md}); its types may
 * change in any release without notice.
 */
@NullMarked
package dev.cleanup.client.jdk;

import org.jspecify.annotations.NullMarked;
