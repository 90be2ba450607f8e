package dev.cleanup.lingering;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One timer entry: a request timeout, a delayed task or a scheduled job. It is
 * <em>pending</em> while its owner may still need it and <em>lingering</em> once it has
 * outlived its purpose, in which case {@link #reason()} says why.
 *
 * @param source the name of the source that found it
 * @param description what the task is, bounded in length
 * @param remaining the time left until it is due, negative once overdue
 * @param origin where it comes from (a scheduler, an executor, a thread), or {@code null}
 * if unknown
 * @param reason why it lingers, or {@code null} while it is pending
 * @author cleanup contributors
 * @since 0.1.0
 */
public record TimeoutTask(String source, String description, Duration remaining, @Nullable String origin,
		@Nullable String reason) {

	/**
	 * Reason for a task that was cancelled but is still in its queue, because its
	 * executor does not remove cancelled tasks.
	 */
	public static final String CANCELLED_NOT_REMOVED = "cancelled but not removed from its queue";

	/**
	 * Reason for a call whose deadline passed while it still runs.
	 */
	public static final String DEADLINE_PASSED = "deadline passed while its call still runs";

	/**
	 * Reason for a task whose owner's pool or executor is closed.
	 */
	public static final String OWNER_CLOSED = "its owner's pool is closed";

	/**
	 * Reason for a task still queued while the application context is closing.
	 */
	public static final String CONTEXT_CLOSING = "still queued while the context is closing";

	/**
	 * Return a pending task.
	 * @param source the name of the source that found it
	 * @param description what the task is
	 * @param remaining the time left until it is due
	 * @param origin where it comes from, or {@code null}
	 * @return the task
	 */
	public static TimeoutTask pending(String source, String description, Duration remaining, @Nullable String origin) {
		return new TimeoutTask(source, description, remaining, origin, null);
	}

	/**
	 * Return a lingering task.
	 * @param source the name of the source that found it
	 * @param description what the task is
	 * @param remaining the time left until it is due
	 * @param origin where it comes from, or {@code null}
	 * @param reason why it lingers
	 * @return the task
	 */
	public static TimeoutTask lingering(String source, String description, Duration remaining, @Nullable String origin,
			String reason) {
		return new TimeoutTask(source, description, remaining, origin, reason);
	}

	/**
	 * Whether the task has outlived its purpose.
	 * @return {@code true} if it lingers
	 */
	public boolean isLingering() {
		return this.reason != null;
	}

	/**
	 * Return this task as lingering for the given reason; a task that already lingers
	 * keeps its own reason.
	 * @param reason why it lingers
	 * @return the lingering task
	 */
	public TimeoutTask lingeringFor(String reason) {
		return isLingering() ? this
				: new TimeoutTask(this.source, this.description, this.remaining, this.origin, reason);
	}

}
