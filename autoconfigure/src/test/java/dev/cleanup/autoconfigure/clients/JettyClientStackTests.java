package dev.cleanup.autoconfigure.clients;

import java.util.function.Predicate;

/**
 * Tests for the Jetty 12 stack: RestClient through Boot's Jetty request factory and
 * WebClient through its Jetty connector.
 *
 * @author cleanup contributors
 */
class JettyClientStackTests extends AbstractClientStackTests {

	@Override
	String[] stackProperties() {
		return new String[] { "spring.http.clients.imperative.factory=jetty",
				"spring.http.clients.reactive.connector=jetty" };
	}

	@Override
	String restClientParticipant() {
		return "http-client-jetty";
	}

	@Override
	String webClientParticipant() {
		return "http-connector-jetty";
	}

	@Override
	Predicate<Thread> clientThreads() {
		return (thread) -> thread.getName().startsWith("HttpClient@");
	}

}
