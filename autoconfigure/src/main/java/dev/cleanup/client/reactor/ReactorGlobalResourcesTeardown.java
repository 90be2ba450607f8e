package dev.cleanup.client.reactor;

import java.time.Duration;
import java.util.function.Supplier;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.Teardown;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.HttpResources;

/**
 * {@link Teardown} for Reactor Netty's global {@link HttpResources}: the global
 * connection provider and event loops ({@code reactor-http-nio-N}, or
 * {@code reactor-http-epoll-N} with the native transport).
 * <p>
 * The graceful close, called once no tracked call is in flight, calls
 * {@link HttpResources#disposeLoopsAndConnectionsLater(Duration, Duration)} and waits for
 * it until the deadline. The quiet period is {@linkplain ReactorQuietPeriod#resolve()
 * resolved} at that moment (see {@link #quietPeriodUsed()}); Netty's timeout is cut to
 * the time left, so Netty itself ends the loops by the deadline. The forced close starts
 * the same disposal with no quiet period if the graceful close did not, then waits
 * briefly for it.
 * <p>
 * {@code HttpResources} disposes its loops and its pools at once. With no quiet period a
 * loop can then end before a pool's close of an idle connection reaches it: Netty rejects
 * the close, and the connection stays registered with the ended loop, keeping its client
 * and everything the client holds (Spring's codecs, and through them a closed application
 * context) reachable for as long as the loop is, which Reactor Netty's resolver cache
 * makes forever. So the global pools are disposed first, and the loops once their
 * connections are closed.
 * <p>
 * {@link HttpResources#get()} creates new global resources once they were disposed, so
 * this teardown never calls it: it reports no usage of its own (the engine counts the
 * tracked calls) and disposes at most once. Disposing globals that are already disposed
 * (by this teardown, or by Spring's {@code ReactorResourceFactory}) does nothing.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
final class ReactorGlobalResourcesTeardown extends LoopDisposalTeardown {

	private final Supplier<@Nullable String> handedToFactory;

	private volatile boolean goneBefore;

	/**
	 * Create a teardown for the global resources.
	 * @param quietPeriod the quiet period
	 * @param shutdownTimeout Netty's shutdown timeout, the most the loops may take to end
	 * once disposing (Spring's {@code ReactorResourceFactory} uses 15 s)
	 * @throws IllegalArgumentException if the timeout is not positive
	 */
	public ReactorGlobalResourcesTeardown(ReactorQuietPeriod quietPeriod, Duration shutdownTimeout) {
		this(quietPeriod, shutdownTimeout, () -> null);
	}

	/**
	 * Create a teardown for the global resources, which Spring's
	 * {@code ReactorResourceFactory} may dispose first, when it stops.
	 * @param quietPeriod the quiet period
	 * @param shutdownTimeout Netty's shutdown timeout
	 * @param handedToFactory what the factory was handed for its own stop, described for
	 * the report, or {@code null} if nothing
	 */
	ReactorGlobalResourcesTeardown(ReactorQuietPeriod quietPeriod, Duration shutdownTimeout,
			Supplier<@Nullable String> handedToFactory) {
		super(quietPeriod, shutdownTimeout);
		this.handedToFactory = handedToFactory;
	}

	@Override
	public boolean closeGracefully(Deadline deadline) throws Exception {
		// Spring's ReactorResourceFactory disposes them itself when it stops (phase 0):
		// then there is nothing left to dispose, and nothing to wait for
		this.goneBefore = ReactorGlobalPools.current() == null;
		return this.goneBefore || super.closeGracefully(deadline);
	}

	@Override
	public @Nullable String closeNote() {
		if (!this.goneBefore) {
			return super.closeNote();
		}
		String handed = this.handedToFactory.get();
		return (handed != null) ? "disposed by Spring's ReactorResourceFactory at its stop, " + handed
				: "nothing left to dispose: disposed before this stage by whoever created them";
	}

	@Override
	Mono<Void> dispose(Duration quietPeriod, Duration timeout) {
		Mono<Void> pools = Flux.fromIterable(ReactorGlobalPools.pools())
			.flatMap((pool) -> pool.disposeLater().onErrorComplete())
			.then();
		return pools.then(Mono.defer(() -> HttpResources.disposeLoopsAndConnectionsLater(quietPeriod, timeout)));
	}

}
