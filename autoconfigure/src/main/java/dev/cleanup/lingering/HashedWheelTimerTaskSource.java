package dev.cleanup.lingering;

import java.lang.ref.WeakReference;
import java.util.function.BooleanSupplier;

import io.netty.util.HashedWheelTimer;

/**
 * Timeouts pending in a Netty {@link HashedWheelTimer}, counted with its public
 * {@link HashedWheelTimer#pendingTimeouts()}; the timer lists no entries. While the
 * timer's owner runs they are pending; once the owner is closed they linger.
 * <p>
 * Netty lowers the count when a cancelled timeout is purged, on the worker's next tick,
 * but not when the timer is stopped: {@link HashedWheelTimer#stop()} returns the
 * cancelled timeouts and leaves the count as it was. Whoever stops the timer should
 * remove this source from its census.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class HashedWheelTimerTaskSource implements TimeoutTaskSource {

	private static final String NOTE = "counts only: a HashedWheelTimer does not list its timeouts";

	private final String name;

	private final WeakReference<HashedWheelTimer> timer;

	private final BooleanSupplier ownerClosed;

	/**
	 * Create a source for a timer whose owner stays open as long as the timer lives.
	 * @param name the name of the timer's owner
	 * @param timer the timer, held weakly
	 */
	public HashedWheelTimerTaskSource(String name, HashedWheelTimer timer) {
		this(name, timer, () -> false);
	}

	/**
	 * Create a source for a timer.
	 * @param name the name of the timer's owner
	 * @param timer the timer, held weakly
	 * @param ownerClosed whether the timer's owner is closed, from which point its
	 * timeouts linger
	 */
	public HashedWheelTimerTaskSource(String name, HashedWheelTimer timer, BooleanSupplier ownerClosed) {
		this.name = name;
		this.timer = new WeakReference<>(timer);
		this.ownerClosed = ownerClosed;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public boolean isGone() {
		return this.timer.get() == null;
	}

	@Override
	public TimeoutTaskSnapshot snapshot(int lingeringLimit, int pendingLimit) {
		try {
			HashedWheelTimer timer = this.timer.get();
			if (timer == null) {
				return TimeoutTaskSnapshot.unavailable(this.name, "timer was garbage collected");
			}
			long pending = timer.pendingTimeouts();
			if (this.ownerClosed.getAsBoolean()) {
				return TimeoutTaskSnapshot.counts(this.name, 0, pending, NOTE + "; " + TimeoutTask.OWNER_CLOSED);
			}
			return TimeoutTaskSnapshot.counts(this.name, pending, 0, NOTE);
		}
		catch (RuntimeException ex) {
			return TimeoutTaskSnapshot.unavailable(this.name, "failed: " + TimeoutTaskCensus.describe(ex));
		}
	}

}
