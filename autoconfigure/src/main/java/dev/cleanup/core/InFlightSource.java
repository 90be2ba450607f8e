package dev.cleanup.core;

import dev.cleanup.core.ShutdownReport.CutCall;

import java.util.List;

/**
 * Something that knows how many outbound calls are in flight; the drain stage waits until
 * every source says none.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface InFlightSource {

	/**
	 * A source that never has a call in flight: for participants whose calls are not
	 * tracked.
	 */
	InFlightSource NONE = () -> 0;

	/**
	 * Return the number of calls in flight now. Must be cheap and must not block.
	 * @return the number of calls in flight
	 */
	int inFlightCount();

	/**
	 * Return the number of calls in flight now whose allowance is not over yet. A source
	 * that cannot tell when its calls started counts them all.
	 * @param allowance the allowance of each call
	 * @param nowNanos now, as read from {@link System#nanoTime()}
	 * @return the calls in flight with allowance left
	 */
	default int inFlightWithAllowance(CallAllowance allowance, long nowNanos) {
		return inFlightCount();
	}

	/**
	 * Cut the calls in flight whose allowance is over: count and name them as cut, and no
	 * longer wait for them.
	 * @param allowance the allowance of each call
	 * @param nowNanos now, as read from {@link System#nanoTime()}
	 * @return how many calls in flight are cut, those cut before included
	 */
	default int cutOverdue(CallAllowance allowance, long nowNanos) {
		return 0;
	}

	/**
	 * Whether this source sees calls at all: a source that no tracked client feeds
	 * answers {@code 0} without knowing, and a pool whose only view of use it is cannot
	 * be said to have closed gracefully.
	 * @return {@code true} if calls are tracked into this source
	 */
	default boolean tracksCalls() {
		return this != NONE;
	}

	/**
	 * Return the calls that shutdown cut so far, and those still in flight, which the
	 * report counts as cut once every pool is closed.
	 * @return the cut calls, bounded by the source
	 */
	default List<CutCall> cutCalls() {
		return List.of();
	}

	/**
	 * Note that the drain stage ended: calls that start from now on are goodbye calls of
	 * the application's own shutdown work.
	 * @param nowNanos the end of the drain, as read from {@link System#nanoTime()}
	 */
	default void drainEnded(long nowNanos) {
	}

	/**
	 * Return how many calls in flight started after the drain and have used up their
	 * allowance: goodbye calls that overran, whose pool must be forced so that they
	 * cannot hold the shutdown.
	 * @param allowance the allowance of each call
	 * @param nowNanos now, as read from {@link System#nanoTime()}
	 * @return the number of such calls
	 */
	default int overdueAfterDrain(CallAllowance allowance, long nowNanos) {
		return 0;
	}

	/**
	 * Return the calls that started after the drain, and how many of them were cut.
	 * @return the counts
	 */
	default CallsAfterDrain callsAfterDrain() {
		return CallsAfterDrain.NONE;
	}

	/**
	 * Note that the starter started closing the pool these calls run on: a call that
	 * fails from now on fails because of it, and counts as cut.
	 */
	default void poolClosing() {
	}

	/**
	 * Return how many calls went ahead untracked, because the starter could not track
	 * them: what it did not see, it does not report as safe.
	 * @return the number of untracked calls
	 */
	default int untrackedCalls() {
		return 0;
	}

	/**
	 * The tracked calls that started after the drain stage: goodbye calls of the
	 * application's own shutdown work (a lifecycle bean's {@code stop()}, a destroy
	 * method), each with its participant's allowance from its own start, and how many of
	 * them were cut.
	 *
	 * @param started how many started after the drain
	 * @param cut how many of those were cut
	 * @author cleanup contributors
	 * @since 0.1.0
	 */
	public record CallsAfterDrain(int started, int cut) {

		/**
		 * No call after the drain.
		 */
		public static final CallsAfterDrain NONE = new CallsAfterDrain(0, 0);

		/**
		 * Return the sum of this and another count.
		 * @param other the other count
		 * @return the sum
		 */
		public CallsAfterDrain plus(CallsAfterDrain other) {
			return new CallsAfterDrain(this.started + other.started, this.cut + other.cut);
		}

	}

}
