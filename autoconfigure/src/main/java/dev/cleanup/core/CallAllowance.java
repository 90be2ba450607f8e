package dev.cleanup.core;

import java.time.Duration;

/**
 * How long each outbound call may take once shutdown has started: one allowance per call.
 * A call in flight when shutdown starts may take {@link #atShutdown()} from the start of
 * shutdown; a call that starts later may take {@link #startedLater()} from its own start.
 * A call still running when its allowance is over is cut: no stage waits for it again.
 *
 * @param shutdownStartNanos when shutdown started, as read from {@link System#nanoTime()}
 * @param atShutdown the allowance of a call in flight when shutdown started, from then
 * @param startedLater the allowance of a call that started after, from its own start
 * @author cleanup contributors
 * @since 0.1.0
 */
public record CallAllowance(long shutdownStartNanos, Duration atShutdown, Duration startedLater) {

	/**
	 * Return when a call's allowance is over.
	 * @param callStartNanos when the call started, as read from {@link System#nanoTime()}
	 * @return the end of its allowance, on the same clock
	 */
	public long endNanos(long callStartNanos) {
		return (callStartNanos - this.shutdownStartNanos < 0) ? this.shutdownStartNanos + nanos(this.atShutdown)
				: callStartNanos + nanos(this.startedLater);
	}

	/**
	 * Whether a call started at the given time still has allowance left.
	 * @param callStartNanos when the call started
	 * @param nowNanos now
	 * @return {@code true} while its allowance lasts
	 */
	public boolean hasAllowance(long callStartNanos, long nowNanos) {
		return endNanos(callStartNanos) - nowNanos > 0;
	}

	/**
	 * Describe a call's allowance, for the report.
	 * @param callStartNanos when the call started
	 * @return for example {@code 3000 ms from the start of shutdown}
	 */
	public String describe(long callStartNanos) {
		return (callStartNanos - this.shutdownStartNanos < 0)
				? this.atShutdown.toMillis() + " ms from the start of shutdown"
				: this.startedLater.toMillis() + " ms from its own start";
	}

	/**
	 * Return the longest a call may take, for messages.
	 * @return the longer of the two allowances
	 */
	public Duration longest() {
		return (this.atShutdown.compareTo(this.startedLater) >= 0) ? this.atShutdown : this.startedLater;
	}

	private static long nanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE / 4;
		}
	}

}
