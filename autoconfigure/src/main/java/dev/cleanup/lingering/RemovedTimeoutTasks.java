package dev.cleanup.lingering;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lingering tasks that were removed from their queues: how many, and the first few.
 *
 * @param count how many were removed
 * @param tasks the first ones removed, at most as many as asked for
 * @author cleanup contributors
 * @since 0.1.0
 */
public record RemovedTimeoutTasks(long count, List<TimeoutTask> tasks) {

	/**
	 * Nothing removed.
	 */
	public static final RemovedTimeoutTasks NONE = new RemovedTimeoutTasks(0, List.of());

	public RemovedTimeoutTasks {
		tasks = List.copyOf(tasks);
	}

	/**
	 * Return how many removed tasks are counted but not listed.
	 * @return the number left out
	 */
	public long leftOut() {
		return Math.max(0, this.count - this.tasks.size());
	}

	/**
	 * Return a builder that lists at most the given number of tasks.
	 * @param limit the most tasks to list
	 * @return the builder
	 */
	public static Builder builder(int limit) {
		return new Builder(limit);
	}

	/**
	 * Collects removed tasks, counting all and listing a bounded few.
	 */
	public static final class Builder {

		private final int limit;

		private final List<TimeoutTask> tasks = new ArrayList<>();

		private long count;

		private Builder(int limit) {
			this.limit = Math.max(0, limit);
		}

		/**
		 * Add a removed task.
		 * @param task the task
		 * @return this builder
		 */
		public Builder add(TimeoutTask task) {
			this.count++;
			if (this.tasks.size() < this.limit) {
				this.tasks.add(task);
			}
			return this;
		}

		/**
		 * Add a removed task that is only described if it is listed.
		 * @param task describes the task
		 * @return this builder
		 */
		Builder add(Supplier<TimeoutTask> task) {
			this.count++;
			if (this.tasks.size() < this.limit) {
				this.tasks.add(task.get());
			}
			return this;
		}

		/**
		 * Add what another removal removed.
		 * @param removed the other removal
		 * @return this builder
		 */
		public Builder addAll(RemovedTimeoutTasks removed) {
			for (TimeoutTask task : removed.tasks()) {
				if (this.tasks.size() < this.limit) {
					this.tasks.add(task);
				}
			}
			this.count += removed.count();
			return this;
		}

		/**
		 * Build the result.
		 * @return the removed tasks
		 */
		public RemovedTimeoutTasks build() {
			return new RemovedTimeoutTasks(this.count, this.tasks);
		}

	}

}
