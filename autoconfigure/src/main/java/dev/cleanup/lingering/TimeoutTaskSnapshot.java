package dev.cleanup.lingering;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * What one {@link TimeoutTaskSource} holds right now: how many tasks are pending and how
 * many linger, the nearest pending ones and the lingering ones, each list bounded.
 *
 * @param source the name of the source
 * @param pending how many tasks are pending, {@code -1} if unknown
 * @param lingering how many tasks linger, {@code -1} if unknown
 * @param nearestPending the pending tasks due soonest, nearest first
 * @param lingeringTasks lingering tasks, the most overdue first, at most as many as asked
 * for
 * @param note what limits this view (counts only, not available, failed), or {@code null}
 * @author cleanup contributors
 * @since 0.1.0
 */
record TimeoutTaskSnapshot(String source, long pending, long lingering, List<TimeoutTask> nearestPending,
		List<TimeoutTask> lingeringTasks, @Nullable String note) {

	public TimeoutTaskSnapshot {
		nearestPending = List.copyOf(nearestPending);
		lingeringTasks = List.copyOf(lingeringTasks);
	}

	/**
	 * Return a snapshot of a source that cannot tell anything now.
	 * @param source the name of the source
	 * @param why why it cannot
	 * @return the snapshot
	 */
	public static TimeoutTaskSnapshot unavailable(String source, String why) {
		return new TimeoutTaskSnapshot(source, -1, -1, List.of(), List.of(), why);
	}

	/**
	 * Return a snapshot of a source that can only count its tasks.
	 * @param source the name of the source
	 * @param pending how many are pending
	 * @param lingering how many linger
	 * @param note what the counts cover
	 * @return the snapshot
	 */
	public static TimeoutTaskSnapshot counts(String source, long pending, long lingering, String note) {
		return new TimeoutTaskSnapshot(source, pending, lingering, List.of(), List.of(), note);
	}

	/**
	 * Return a builder that keeps at most the given numbers of tasks.
	 * @param source the name of the source
	 * @param lingeringLimit the most lingering tasks to list
	 * @param pendingLimit the most pending tasks to list
	 * @return the builder
	 */
	public static Builder builder(String source, int lingeringLimit, int pendingLimit) {
		return new Builder(source, lingeringLimit, pendingLimit);
	}

	/**
	 * Whether the source could tell its counts.
	 * @return {@code true} unless the counts are unknown
	 */
	public boolean isAvailable() {
		return this.pending >= 0 && this.lingering >= 0;
	}

	/**
	 * Return how many lingering tasks are counted but not listed.
	 * @return the number left out
	 */
	public long lingeringLeftOut() {
		return Math.max(0, this.lingering - this.lingeringTasks.size());
	}

	/**
	 * Collects the tasks of one source, keeping counts of all and details of a bounded
	 * few.
	 */
	public static final class Builder {

		private final String source;

		private final BoundedNearest nearestPending;

		private final BoundedNearest lingeringTasks;

		private long pending;

		private long lingering;

		private @Nullable String note;

		private Builder(String source, int lingeringLimit, int pendingLimit) {
			this.source = source;
			this.nearestPending = new BoundedNearest(pendingLimit);
			this.lingeringTasks = new BoundedNearest(lingeringLimit);
		}

		/**
		 * Add a task.
		 * @param task the task
		 * @return this builder
		 */
		public Builder add(TimeoutTask task) {
			return add(task.isLingering(), task.remaining().toNanos(), () -> task);
		}

		/**
		 * Add a task that is only described if it is kept.
		 * @param lingering whether it lingers
		 * @param remainingNanos the time left until it is due, in nanoseconds
		 * @param task describes the task
		 * @return this builder
		 */
		public Builder add(boolean lingering, long remainingNanos, Supplier<TimeoutTask> task) {
			if (lingering) {
				this.lingering++;
				this.lingeringTasks.offer(remainingNanos, task);
			}
			else {
				this.pending++;
				this.nearestPending.offer(remainingNanos, task);
			}
			return this;
		}

		/**
		 * Set what limits this view.
		 * @param note the note, or {@code null}
		 * @return this builder
		 */
		public Builder note(@Nullable String note) {
			this.note = note;
			return this;
		}

		/**
		 * Build the snapshot.
		 * @return the snapshot
		 */
		public TimeoutTaskSnapshot build() {
			return new TimeoutTaskSnapshot(this.source, this.pending, this.lingering,
					this.nearestPending.nearestFirst(), this.lingeringTasks.nearestFirst(), this.note);
		}

	}

}
