package dev.cleanup.client.reactor;

import java.time.Duration;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.Teardown;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What the loop teardowns share: once no tracked call is in flight, dispose with the
 * quiet period {@linkplain ReactorQuietPeriod#resolve() resolved} at that moment and
 * Netty's timeout cut to the time left; when forced, dispose with no quiet period if that
 * has not started yet, then wait briefly. Disposal starts at most once.
 *
 * @author cleanup contributors
 */
abstract class LoopDisposalTeardown implements Teardown {

	private final ReactorQuietPeriod quietPeriod;

	private final Duration shutdownTimeout;

	private final ReactorDisposal disposal = new ReactorDisposal();

	private volatile @Nullable Duration quietPeriodUsed;

	LoopDisposalTeardown(ReactorQuietPeriod quietPeriod, Duration shutdownTimeout) {
		if (shutdownTimeout.isNegative() || shutdownTimeout.isZero()) {
			throw new IllegalArgumentException("Shutdown timeout must be positive, was " + shutdownTimeout);
		}
		this.quietPeriod = quietPeriod;
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Start disposing.
	 * @param quietPeriod Netty's quiet period
	 * @param timeout Netty's shutdown timeout
	 * @return completes once disposed
	 */
	abstract Mono<Void> dispose(Duration quietPeriod, Duration timeout);

	@Override
	public boolean closeGracefully(Deadline deadline) throws Exception {
		this.disposal.start(() -> {
			ReactorDisposal.Timing timing = ReactorDisposal.Timing.within(this.quietPeriod.resolve(),
					this.shutdownTimeout, deadline);
			this.quietPeriodUsed = timing.quietPeriod();
			return dispose(timing.quietPeriod(), timing.timeout());
		});
		return this.disposal.awaitGracefully(deadline);
	}

	@Override
	public boolean closeForcibly() throws InterruptedException {
		this.disposal.start(() -> {
			this.quietPeriodUsed = Duration.ZERO;
			// calls may still run on the loops: see LEAST_NETTY_QUIET_PERIOD
			ReactorDisposal.Timing timing = new ReactorDisposal.Timing(Duration.ZERO,
					ReactorDisposal.FORCED_SHUTDOWN_TIMEOUT);
			return dispose(timing.nettyQuietPeriod(), timing.timeout());
		});
		return this.disposal.awaitForced();
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
	 * Whether this teardown has disposed the loops. Never looks at the resources
	 * themselves.
	 * @return {@code true} once the disposal this teardown started has finished
	 */
	public boolean isDisposed() {
		return this.disposal.isDisposed();
	}

}
