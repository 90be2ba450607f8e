/**
 * Teardown for the JDK's {@code java.net.http.HttpClient}: closes it on Java 21 and
 * later, and shuts down the executor it was given on any Java version. Free of Spring.
 */
@NullMarked
package dev.cleanup.client.jdk;

import org.jspecify.annotations.NullMarked;
