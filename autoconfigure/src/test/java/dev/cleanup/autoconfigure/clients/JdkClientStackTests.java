package dev.cleanup.autoconfigure.clients;

import java.util.function.Predicate;

import dev.cleanup.client.jdk.JdkHttpClientTeardown;

/**
 * Tests for the JDK {@code HttpClient} stack: RestClient through Boot's JDK request
 * factory and WebClient through the JDK connector. On Java 17 the client's own threads
 * are daemons that end only after garbage collection, so the thread check runs on Java 21
 * and later only (the child-JVM tests of {@code JdkHttpClientTeardown} cover Java 25).
 *
 * @author cleanup contributors
 */
class JdkClientStackTests extends AbstractClientStackTests {

	@Override
	String[] stackProperties() {
		return new String[] { "spring.http.clients.imperative.factory=jdk",
				"spring.http.clients.reactive.connector=jdk" };
	}

	@Override
	String restClientParticipant() {
		return "http-client-jdk";
	}

	@Override
	String webClientParticipant() {
		return "http-connector-jdk";
	}

	@Override
	Predicate<Thread> clientThreads() {
		return (thread) -> thread.getName().startsWith("HttpClient-");
	}

	@Override
	boolean forcedCloseFailsCallers() {
		// Java 17 has no way to close the client: a stuck call ends only by its own
		// timeout
		return JdkHttpClientTeardown.isClientShutdownSupported();
	}

	@Override
	boolean threadsEndOnClose() {
		return JdkHttpClientTeardown.isClientShutdownSupported();
	}

}
