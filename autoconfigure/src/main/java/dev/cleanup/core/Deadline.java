package dev.cleanup.core;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A point in time, on the monotonic clock, by which something must be done.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class Deadline {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

	private final long deadlineNanos;

	private Deadline(long deadlineNanos) {
		this.deadlineNanos = deadlineNanos;
	}

	/**
	 * Return a deadline the given duration from now.
	 * @param duration how long from now
	 * @return the deadline
	 */
	public static Deadline after(Duration duration) {
		return at(System.nanoTime(), duration);
	}

	/**
	 * Return a deadline the given duration after a {@link System#nanoTime()} reading.
	 * @param startNanos the start, as read from {@link System#nanoTime()}
	 * @param duration how long after the start
	 * @return the deadline
	 */
	public static Deadline at(long startNanos, Duration duration) {
		return new Deadline(startNanos + saturatedNanos(duration));
	}

	/**
	 * Return the time left, never negative.
	 * @return the remaining time
	 */
	public Duration remaining() {
		long left = this.deadlineNanos - System.nanoTime();
		return (left > 0) ? Duration.ofNanos(left) : Duration.ZERO;
	}

	/**
	 * Whether the deadline has passed.
	 * @return {@code true} once no time is left
	 */
	public boolean hasPassed() {
		return this.deadlineNanos - System.nanoTime() <= 0;
	}

	/**
	 * Return the later of this deadline and another.
	 * @param other the other deadline
	 * @return the later one
	 */
	public Deadline orLater(Deadline other) {
		return (other.deadlineNanos - this.deadlineNanos > 0) ? other : this;
	}

	/**
	 * Wait until the condition holds or the deadline passes, polling it.
	 * @param condition the condition to wait for
	 * @return {@code true} if the condition held before the deadline passed
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean await(BooleanSupplier condition) throws InterruptedException {
		while (!condition.getAsBoolean()) {
			if (hasPassed()) {
				return false;
			}
			long sleepNanos = Math.min(POLL_INTERVAL.toNanos(), this.deadlineNanos - System.nanoTime());
			if (sleepNanos > 0) {
				Thread.sleep(sleepNanos / 1_000_000, (int) (sleepNanos % 1_000_000));
			}
		}
		return true;
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE / 4;
		}
	}

}
