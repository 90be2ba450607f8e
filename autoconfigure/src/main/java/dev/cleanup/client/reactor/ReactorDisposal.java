package dev.cleanup.client.reactor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.cleanup.core.Deadline;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * One disposal of a Reactor resource, started at most once whether by the graceful or the
 * forced close, so that closing twice never disposes anything twice.
 *
 * @author cleanup contributors
 */
final class ReactorDisposal {

	/**
	 * Netty's shutdown timeout for a disposal that the forced close starts, with no quiet
	 * period: enough to close the channels and end the loops.
	 */
	static final Duration FORCED_SHUTDOWN_TIMEOUT = Duration.ofMillis(300);

	/**
	 * How long the forced close waits for the disposal to finish; within the engine's
	 * bound for forced closes.
	 */
	static final Duration FORCED_AWAIT = Duration.ofMillis(600);

	/**
	 * The least quiet period handed to Netty by a forced close, which may find calls
	 * still running. Netty 4.2's event loop closes its channels only where it sees, at
	 * the top of an iteration, that it is shutting down; with a quiet period of 0 a
	 * shutdown that arrives while the loop runs tasks ends the loop in that same
	 * iteration, and a channel still open stays open with no loop left to end its call
	 * (seen in 1 forced close in 40 beside a busy process: the call never ended). A
	 * positive quiet period makes the loop go round once more after tasks ran, and that
	 * round closes the channels, at the cost of one of Netty's 100 ms quiet-period
	 * checks. A graceful close with nothing in flight keeps its quiet period of 0: it has
	 * no call to lose, and the sockets of idle connections end with the process.
	 */
	static final Duration LEAST_NETTY_QUIET_PERIOD = Duration.ofMillis(50);

	private final AtomicReference<@Nullable CompletableFuture<Void>> disposal = new AtomicReference<>();

	/**
	 * Subscribe to the disposal unless one was started already.
	 * @param disposal supplies the disposal; called at most once
	 * @return {@code true} if this call started it
	 */
	boolean start(Supplier<Mono<Void>> disposal) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		if (!this.disposal.compareAndSet(null, done)) {
			return false;
		}
		try {
			disposal.get().subscribe(null, (ex) -> fail(done, ex), () -> done.complete(null));
		}
		catch (RuntimeException ex) {
			fail(done, ex);
		}
		return true;
	}

	/**
	 * Fail the disposal, unless it failed because an event loop had already ended. With
	 * no quiet period, a loop can end while its pool is still closing idle connections on
	 * it ({@code HttpResources} disposes both at once), and closing one then throws
	 * {@link RejectedExecutionException}, synchronously. Netty rejects tasks only once a
	 * loop has terminated, and a loop closes all its channels as it terminates, so
	 * nothing is left open.
	 */
	private static void fail(CompletableFuture<Void> done, Throwable failure) {
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth++ < 10; cause = cause.getCause()) {
			if (cause instanceof RejectedExecutionException) {
				done.complete(null);
				return;
			}
		}
		done.completeExceptionally(failure);
	}

	/**
	 * Whether a disposal was started.
	 * @return {@code true} once started
	 */
	boolean isStarted() {
		return this.disposal.get() != null;
	}

	/**
	 * Whether the disposal finished without error.
	 * @return {@code true} once disposed
	 */
	boolean isDisposed() {
		CompletableFuture<Void> done = this.disposal.get();
		return done != null && done.isDone() && !done.isCompletedExceptionally();
	}

	/**
	 * Wait, for the graceful close, until the disposal finishes or the deadline passes.
	 * @param deadline the graceful close's deadline
	 * @return {@code true} if disposed, {@code false} if the deadline passed first (a
	 * disposal that failed because Netty's timeout, cut to the deadline, ran out counts
	 * as the deadline passing)
	 * @throws Exception if the disposal failed otherwise
	 */
	boolean awaitGracefully(Deadline deadline) throws Exception {
		try {
			return await(deadline.remaining());
		}
		catch (ExecutionException ex) {
			if (deadline.hasPassed()) {
				return false;
			}
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw (cause instanceof Exception exception) ? exception : ex;
		}
	}

	/**
	 * Wait, for the forced close, a short while for the disposal to end.
	 * @return {@code true} if it ended in that time, with or without error: a loop
	 * disposal fails when Netty's timeout passes, and Netty then closes the loops'
	 * channels and ends them whatever they still had to do
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean awaitForced() throws InterruptedException {
		try {
			return await(FORCED_AWAIT);
		}
		catch (ExecutionException ex) {
			return true;
		}
	}

	private boolean await(Duration timeout) throws InterruptedException, ExecutionException {
		CompletableFuture<Void> done = this.disposal.get();
		if (done == null) {
			return false;
		}
		try {
			done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
	}

	/**
	 * Netty's quiet period and timeout for a loop disposal that must end by a deadline:
	 * the timeout is cut to the time left, so Netty itself ends the loops by then, and
	 * the quiet period to the timeout, as Netty requires.
	 *
	 * @param quietPeriod the quiet period to pass to Netty
	 * @param timeout the timeout to pass to Netty
	 */
	record Timing(Duration quietPeriod, Duration timeout) {

		/**
		 * Return the quiet period to hand to Netty: the chosen one, but at least
		 * {@link #LEAST_NETTY_QUIET_PERIOD} and at most the timeout, as Netty requires.
		 * @return the quiet period for Netty
		 */
		Duration nettyQuietPeriod() {
			Duration least = (LEAST_NETTY_QUIET_PERIOD.compareTo(this.timeout) > 0) ? this.timeout
					: LEAST_NETTY_QUIET_PERIOD;
			return (this.quietPeriod.compareTo(least) < 0) ? least : this.quietPeriod;
		}

		static Timing within(Duration quietPeriod, Duration timeout, Deadline deadline) {
			Duration remaining = deadline.remaining();
			Duration cutTimeout = (timeout.compareTo(remaining) > 0) ? remaining : timeout;
			Duration cutQuietPeriod = (quietPeriod.compareTo(cutTimeout) > 0) ? cutTimeout : quietPeriod;
			return new Timing(cutQuietPeriod, cutTimeout);
		}

	}

}
