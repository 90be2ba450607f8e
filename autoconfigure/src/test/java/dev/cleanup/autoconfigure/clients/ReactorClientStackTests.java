package dev.cleanup.autoconfigure.clients;

import java.util.function.Predicate;

/**
 * Tests for the Reactor Netty stack: RestClient through Boot's Reactor request factory
 * and WebClient through the Reactor connector, both on the global resources.
 *
 * @author cleanup contributors
 */
class ReactorClientStackTests extends AbstractClientStackTests {

	@Override
	String[] stackProperties() {
		return new String[] { "spring.http.clients.imperative.factory=reactor",
				"spring.http.clients.reactive.connector=reactor" };
	}

	@Override
	String restClientParticipant() {
		return "reactor-http";
	}

	@Override
	String webClientParticipant() {
		return "reactor-http";
	}

	@Override
	Predicate<Thread> clientThreads() {
		return (thread) -> thread.getName().startsWith("reactor-http-");
	}

}
