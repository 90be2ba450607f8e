package dev.cleanup.client.reactor;

import java.time.Duration;

import dev.cleanup.core.Teardown;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpResources;

/**
 * {@link Teardown} for Reactor Netty {@link LoopResources} of one's own (not the global
 * ones: use {@link ReactorGlobalResourcesTeardown} for those), disposed with a quiet
 * period and a shutdown timeout chosen by the caller.
 * <p>
 * The graceful close, called once no tracked call is in flight on the clients running on
 * the loops, calls {@code disposeLater(quietPeriod, timeout)} and waits for it until the
 * deadline. The quiet period is {@linkplain ReactorQuietPeriod#resolve() resolved} at
 * that moment (see {@link #quietPeriodUsed()}); Netty's timeout is cut to the time left,
 * so Netty itself ends the loops, closing their channels, by the deadline. The forced
 * close starts the disposal with no quiet period if the graceful close did not, then
 * waits briefly for the loops to end.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
final class ReactorLoopResourcesTeardown extends LoopDisposalTeardown {

	private final LoopResources loops;

	/**
	 * Create a teardown for the given loops.
	 * @param loops the loops, not the global {@code HttpResources}
	 * @param quietPeriod the quiet period
	 * @param shutdownTimeout Netty's shutdown timeout, the most the loops may take to end
	 * once disposing
	 * @throws IllegalArgumentException if the loops are global ones, whose
	 * {@code disposeLater} does nothing, or if the timeout is not positive
	 */
	public ReactorLoopResourcesTeardown(LoopResources loops, ReactorQuietPeriod quietPeriod, Duration shutdownTimeout) {
		super(quietPeriod, shutdownTimeout);
		if (loops instanceof TcpResources) {
			throw new IllegalArgumentException("The global " + loops.getClass().getSimpleName()
					+ " cannot be disposed as loops: use ReactorGlobalResourcesTeardown");
		}
		this.loops = loops;
	}

	@Override
	Mono<Void> dispose(Duration quietPeriod, Duration timeout) {
		return this.loops.disposeLater(quietPeriod, timeout);
	}

}
