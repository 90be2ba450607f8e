package dev.cleanup.client.reactor;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Participant;
import dev.cleanup.core.Stage;
import dev.cleanup.core.StageRunner;
import dev.cleanup.core.Teardown;
import reactor.netty.http.client.HttpClient;

/**
 * Real Reactor Netty calls, counted in flight as the starter's filters count them, and
 * helpers to close a teardown through the engine and to look at threads.
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
			.responseSingle((response, body) -> body.asString()
				.defaultIfEmpty("")
				.map((text) -> response.status().code() + " " + text))
			.doOnSubscribe((subscription) -> this.inFlight.incrementAndGet())
			.doFinally((signal) -> this.inFlight.decrementAndGet())
			.toFuture();
	}

	static CloseResult close(Teardown teardown, Stage stage, Duration timeout) {
		Participant participant = Participant.builder("reactor").kind(Kind.REACTOR_NETTY).teardown(teardown).build();
		return new StageRunner().close(stage, List.of(new StageRunner.Closing(participant, timeout))).get(0);
	}

	static Set<String> liveThreads(String prefix) {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith(prefix))
			.collect(Collectors.toSet());
	}

}
