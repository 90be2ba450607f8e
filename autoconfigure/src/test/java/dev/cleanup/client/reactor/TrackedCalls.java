package dev.cleanup.client.reactor;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Participant;
import dev.cleanup.core.Stage;
import dev.cleanup.core.Teardown;
import dev.cleanup.core.StageClose;
import reactor.netty.http.client.HttpClient;

/**
 * Real Reactor Netty calls, counted in flight as the starter's filters count them, and a
 * helper to close a teardown through the engine.
 *
 * @author cleanup contributors
 */
final class TrackedCalls implements InFlightSource {

	private final AtomicInteger inFlight = new AtomicInteger();

	@Override
	public int inFlightCount() {
		return this.inFlight.get();
	}

	/**
	 * Start a GET; the future completes with {@code "<status> <body>"}, before the call
	 * stops counting as in flight.
	 */
	CompletableFuture<String> get(HttpClient client, URI uri) {
		return client.get()
			.uri(uri)
			.responseSingle((response,
					body) -> body.asString().defaultIfEmpty("").map((text) -> response.status().code() + " " + text))
			.doOnSubscribe((subscription) -> this.inFlight.incrementAndGet())
			.doFinally((signal) -> this.inFlight.decrementAndGet())
			.toFuture();
	}

	/**
	 * Close a teardown through the engine, as a participant whose calls these are.
	 */
	CloseResult close(Teardown teardown, Stage stage, Duration timeout) {
		return StageClose.run(stage, participant(teardown), timeout).result();
	}

	/**
	 * Return a participant for a teardown, whose calls these are.
	 */
	Participant participant(Teardown teardown) {
		return StageClose.participant(Kind.REACTOR_NETTY, teardown, this);
	}

}
