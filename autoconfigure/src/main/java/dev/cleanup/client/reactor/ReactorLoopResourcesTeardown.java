package dev.cleanup.client.reactor;

import java.time.Duration;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.Teardown;
import org.jspecify.annotations.Nullable;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpResources;

/**
 * {@link Teardown} for Reactor Netty {@link LoopResources} of one's own (not the global
 * ones: use {@link ReactorGlobalResourcesTeardown} for those), disposed with a quiet
 * period and a shutdown timeout chosen by the caller.
 * <p>
 * The graceful close waits until no call is in flight on the clients running on the
 * loops, then calls {@code disposeLater(quietPeriod, timeout)} and waits for it until
 * the deadline. The quiet period is {@linkplain ReactorQuietPeriod#resolve() resolved}
 * at that moment (see {@link #quietPeriodUsed()}); Netty's timeout is cut to the time
 * left, so Netty itself ends the loops, closing their channels, by the deadline. The
 * forced close starts the disposal with no quiet period if the graceful close did not,
 * then waits briefly for the loops to end.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ReactorLoopResourcesTeardown implements Teardown {

	private final LoopResources loops;

	private final InFlightSource inFlight;

	private final ReactorQuietPeriod quietPeriod;

	private final Duration shutdownTimeout;

	private final ReactorDisposal disposal = new ReactorDisposal();

	private volatile @Nullable Duration quietPeriodUsed;

	/**
	 * Create a teardown for the given loops.
	 * @param loops the loops, not the global {@code HttpResources}
	 * @param inFlight the calls in flight on the clients that run on the loops
	 * @param quietPeriod the quiet period
	 * @param shutdownTimeout Netty's shutdown timeout, the most the loops may take to
	 * end once disposing (Spring's {@code ReactorResourceFactory} uses 15 s)
	 * @throws IllegalArgumentException if the loops are global ones, whose
	 * {@code disposeLater} does nothing, or if the timeout is not positive
	 */
	public ReactorLoopResourcesTeardown(LoopResources loops, InFlightSource inFlight, ReactorQuietPeriod quietPeriod,
			Duration shutdownTimeout) {
		if (loops instanceof TcpResources) {
			throw new IllegalArgumentException("The global " + loops.getClass().getSimpleName()
					+ " cannot be disposed as loops: use ReactorGlobalResourcesTeardown");
		}
		if (shutdownTimeout.isNegative() || shutdownTimeout.isZero()) {
			throw new IllegalArgumentException("Shutdown timeout must be positive, was " + shutdownTimeout);
		}
		this.loops = loops;
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
			return this.loops.disposeLater(timing.quietPeriod(), timing.timeout());
		});
		return this.disposal.awaitGracefully(deadline);
	}

	@Override
	public boolean closeForcibly() throws InterruptedException {
		this.disposal.start(() -> {
			this.quietPeriodUsed = Duration.ZERO;
			return this.loops.disposeLater(Duration.ZERO, ReactorDisposal.FORCED_SHUTDOWN_TIMEOUT);
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
	 * Return the quiet period the loops were disposed with.
	 * @return the quiet period, or {@code null} if disposal has not started
	 */
	public @Nullable Duration quietPeriodUsed() {
		return this.quietPeriodUsed;
	}

	/**
	 * Whether the loops have been disposed.
	 * @return {@code true} once their disposal has finished
	 */
	public boolean isDisposed() {
		return this.disposal.isDisposed();
	}

}
