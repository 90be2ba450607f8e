package dev.cleanup.lingering;

import java.util.concurrent.RunnableScheduledFuture;

/**
 * Short, safe descriptions of things whose {@code toString()} is not ours.
 *
 * @author cleanup contributors
 */
final class Descriptions {

	static final int MAX_LENGTH = 200;

	private static final String TASK_MARKER = "task = ";

	private Descriptions() {
	}

	static String truncate(String text) {
		return (text.length() <= MAX_LENGTH) ? text : text.substring(0, MAX_LENGTH - 3) + "...";
	}

	static String of(Object object) {
		try {
			return truncate(String.valueOf(object));
		}
		catch (RuntimeException | StackOverflowError ex) {
			return object.getClass().getName();
		}
	}

	/**
	 * Describe a scheduled future by the task it wraps: the JDK's {@code toString()} is
	 * {@code ...ScheduledFutureTask@1a2b[Not completed, task = <task>]}, so keep what
	 * follows the last "task = ". A cancelled future has dropped its task (the JDK clears
	 * it on cancel), so nothing but its kind is left to tell.
	 */
	static String ofScheduled(RunnableScheduledFuture<?> future) {
		String kind = (future.isCancelled() ? "cancelled " : "")
				+ (future.isPeriodic() ? "periodic task" : "delayed task");
		String text;
		try {
			text = String.valueOf(future);
		}
		catch (RuntimeException | StackOverflowError ex) {
			return kind;
		}
		int marker = text.lastIndexOf(TASK_MARKER);
		if (marker < 0) {
			return future.isCancelled() ? kind : kind + " " + truncate(text);
		}
		int end = text.length();
		while (end > marker + TASK_MARKER.length() && text.charAt(end - 1) == ']') {
			end--;
		}
		return kind + " " + truncate(text.substring(marker + TASK_MARKER.length(), end));
	}

}
