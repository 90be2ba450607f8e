package dev.cleanup.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.cleanup.client.reactor.ReactorGlobalResourcesTeardown;
import dev.cleanup.client.reactor.ReactorQuietPeriod;
import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.Stage;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;

/**
 * The participant for Reactor Netty's global {@link HttpResources}, registered once, when
 * a client or a resource factory is seen to use them.
 *
 * @author cleanup contributors
 */
final class ReactorGlobalResources {

	static final String NAME = "reactor-http";

	static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(LoopResources.DEFAULT_SHUTDOWN_TIMEOUT);

	private final ParticipantRegistry registry;

	private final InFlightSource inFlight;

	private final ReactorQuietPeriod quietPeriod;

	private final AtomicBoolean registered = new AtomicBoolean();

	ReactorGlobalResources(ParticipantRegistry registry, InFlightSource inFlight, ReactorQuietPeriod quietPeriod) {
		this.registry = registry;
		this.inFlight = inFlight;
		this.quietPeriod = quietPeriod;
	}

	ReactorQuietPeriod quietPeriod() {
		return this.quietPeriod;
	}

	InFlightSource inFlight() {
		return this.inFlight;
	}

	void ensureRegistered() {
		if (this.registered.compareAndSet(false, true)) {
			this.registry.register(Participant.builder(NAME)
				.kind(Kind.REACTOR_NETTY)
				.stage(Stage.DISPOSE)
				.teardown(new ReactorGlobalResourcesTeardown(this.inFlight, this.quietPeriod, SHUTDOWN_TIMEOUT))
				.build());
		}
	}

}
