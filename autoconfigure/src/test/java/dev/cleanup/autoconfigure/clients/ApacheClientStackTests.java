package dev.cleanup.autoconfigure.clients;

import java.util.function.Predicate;

/**
 * Tests for the Apache HttpClient 5 stack: RestClient through Boot's classic request
 * factory and WebClient through the async connector.
 *
 * @author cleanup contributors
 */
class ApacheClientStackTests extends AbstractClientStackTests {

	@Override
	String[] stackProperties() {
		return new String[] { "spring.http.clients.imperative.factory=http-components",
				"spring.http.clients.reactive.connector=http-components" };
	}

	@Override
	String restClientParticipant() {
		return "http-client-apache";
	}

	@Override
	String webClientParticipant() {
		return "clientHttpConnector";
	}

	@Override
	Predicate<Thread> clientThreads() {
		return (thread) -> thread.getName().startsWith("httpclient-dispatch")
				|| thread.getName().startsWith("httpclient-main");
	}

}
