package dev.cleanup.client.reactor;

import java.time.Duration;

import dev.cleanup.core.Teardown;
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
 * {@code HttpResources} disposes its loops and its pool at once. With no quiet period a
 * loop can end before the pool has closed its idle connections on it, and Reactor Netty
 * then fails the disposal with a {@code RejectedExecutionException}; that is not counted
 * as a failure, since Netty closes every channel of a loop as the loop ends.
 * <p>
 * {@link HttpResources#get()} creates new global resources once they were disposed, so
 * this teardown never calls it: it reports no usage of its own (the engine counts the
 * tracked calls) and disposes at most once. Disposing globals that are already disposed
 * (by this teardown, or by Spring's {@code ReactorResourceFactory}) does nothing.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ReactorGlobalResourcesTeardown extends LoopDisposalTeardown {

	/**
	 * Create a teardown for the global resources.
	 * @param quietPeriod the quiet period
	 * @param shutdownTimeout Netty's shutdown timeout, the most the loops may take to end
	 * once disposing (Spring's {@code ReactorResourceFactory} uses 15 s)
	 * @throws IllegalArgumentException if the timeout is not positive
	 */
	public ReactorGlobalResourcesTeardown(ReactorQuietPeriod quietPeriod, Duration shutdownTimeout) {
		super(quietPeriod, shutdownTimeout);
	}

	@Override
	Mono<Void> dispose(Duration quietPeriod, Duration timeout) {
		return HttpResources.disposeLoopsAndConnectionsLater(quietPeriod, timeout);
	}

}
