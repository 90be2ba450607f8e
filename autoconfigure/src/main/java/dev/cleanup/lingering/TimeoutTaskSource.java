package dev.cleanup.lingering;

/**
 * Something that holds timeout tasks: a scheduler's queue, a timer, a set of in-flight
 * calls with deadlines. Implementations must be cheap and never block for long, keep no
 * history (they read the live structure on each call), bound what they return and contain
 * their own errors, answering with
 * {@link TimeoutTaskSnapshot#unavailable(String, String)} instead of throwing.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public interface TimeoutTaskSource {

	/**
	 * Return the name of this source, shown with each of its tasks.
	 * @return the name
	 */
	String name();

	/**
	 * Return what this source holds now.
	 * @param lingeringLimit the most lingering tasks to list
	 * @param pendingLimit the most pending tasks to list, those due soonest
	 * @return the snapshot
	 */
	TimeoutTaskSnapshot snapshot(int lingeringLimit, int pendingLimit);

	/**
	 * Whether what this source reads is gone, for example a timer held weakly that was
	 * garbage collected: the census then drops the source, and its meters go with it.
	 * @return {@code true} once gone for good
	 */
	default boolean isGone() {
		return false;
	}

	/**
	 * Remove the tasks that are known to linger and are safe to remove, such as cancelled
	 * tasks still in their queue. Never removes a live call's timeout or a user's
	 * scheduled job. Sources that cannot remove anything return
	 * {@link RemovedTimeoutTasks#NONE}.
	 * @param limit the most removed tasks to list
	 * @return what was removed
	 */
	default RemovedTimeoutTasks removeLingering(int limit) {
		return RemovedTimeoutTasks.NONE;
	}

}
