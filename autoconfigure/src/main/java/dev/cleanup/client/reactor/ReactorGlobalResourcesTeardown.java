package dev.cleanup.client.reactor;

import java.time.Duration;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.Teardown;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.HttpResources;

/**
 * {@link Teardown} for Reactor Netty's global {@link HttpResources}: the global
 * connection provider and event loops ({@code reactor-http-nio-N}, or
 * {@code reactor-http-epoll-N} with the native transport).
 * <p>
 * The graceful close waits until no call is in flight, then calls
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
 * this teardown never calls it: it reports usage from its {@link InFlightSource} only and
 * disposes at most once. Disposing globals that are already disposed (by this teardown,
 * or by Spring's {@code ReactorResourceFactory}) does nothing.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ReactorGlobalResourcesTeardown implements Teardown {

	private final InFlightSource inFlight;

	private final ReactorQuietPeriod quietPeriod;

	private final Duration shutdownTimeout;

	private final ReactorDisposal disposal = new ReactorDisposal();

	private volatile @Nullable Duration quietPeriodUsed;

	/**
	 * Create a teardown for the global resources.
	 * @param inFlight the calls in flight on the clients that use the global resources
	 * @param quietPeriod the quiet period
	 * @param shutdownTimeout Netty's shutdown timeout, the most the loops may take to
	 * end once disposing (Spring's {@code ReactorResourceFactory} uses 15 s)
	 * @throws IllegalArgumentException if the timeout is not positive
	 */
	public ReactorGlobalResourcesTeardown(InFlightSource inFlight, ReactorQuietPeriod quietPeriod,
			Duration shutdownTimeout) {
		if (shutdownTimeout.isNegative() || shutdownTimeout.isZero()) {
			throw new IllegalArgumentException("Shutdown timeout must be positive, was " + shutdownTimeout);
		}
		this.inFlight = inFlight;
		this.quietPeriod = quietPeriod;
		this.shutdownTimeout = shutdownTimeout;
	}

	@Override
	public boolean closeGracefully(Deadline deadline) throws Exception {
		if (!deadline.await(() -> this.inFlight.inFlightCount() <= 0)) {
			return false;
		}
		this.disposal.start(() -> {
			ReactorDisposal.Timing timing = ReactorDisposal.Timing.within(this.quietPeriod.resolve(),
					this.shutdownTimeout, deadline);
			this.quietPeriodUsed = timing.quietPeriod();
			return HttpResources.disposeLoopsAndConnectionsLater(timing.quietPeriod(), timing.timeout());
		});
		return this.disposal.awaitGracefully(deadline);
	}

	@Override
	public boolean closeForcibly() throws InterruptedException {
		this.disposal.start(() -> {
			this.quietPeriodUsed = Duration.ZERO;
			return HttpResources.disposeLoopsAndConnectionsLater(Duration.ZERO,
					ReactorDisposal.FORCED_SHUTDOWN_TIMEOUT);
		});
		return this.disposal.awaitForced();
	}

	@Override
	public PoolUsage usage() {
		return PoolUsage.inUse(this.inFlight.inFlightCount());
	}

	@Override
	public @Nullable String closeNote() {
		Duration used = this.quietPeriodUsed;
		return (used != null) ? this.quietPeriod.describe(used) : null;
	}

	/**
	 * Return the quiet period the global loops were disposed with.
	 * @return the quiet period, or {@code null} if disposal has not started
	 */
	public @Nullable Duration quietPeriodUsed() {
		return this.quietPeriodUsed;
	}

	/**
	 * Whether this teardown has disposed the global resources. Never looks at (and so
	 * never re-creates) the global resources themselves.
	 * @return {@code true} once the disposal this teardown started has finished
	 */
	public boolean isDisposed() {
		return this.disposal.isDisposed();
	}

}
