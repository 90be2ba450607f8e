package dev.cleanup.lingering;

import java.time.Duration;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Reads and purges the queue of a {@link ScheduledThreadPoolExecutor} through its public
 * API: {@code getQueue()} (a copy taken under the queue's lock), {@code getDelay} and
 * {@code remove}.
 *
 * @author cleanup contributors
 */
final class ScheduledQueues {

	private ScheduledQueues() {
	}

	/**
	 * Add every entry of the executor's queue to the builder. Cancelled entries linger
	 * (cancelled but not removed); entries of an executor that was shut down linger
	 * (owner closed); everything else, periodic jobs included, is pending.
	 */
	static void scan(ScheduledThreadPoolExecutor executor, String source, @Nullable String origin,
			TimeoutTaskSnapshot.Builder builder) {
		boolean shutdown = executor.isShutdown();
		for (Runnable entry : executor.getQueue()) {
			if (!(entry instanceof RunnableScheduledFuture<?> future)) {
				continue;
			}
			long remainingNanos = future.getDelay(TimeUnit.NANOSECONDS);
			String reason = reason(future, shutdown);
			builder.add(reason != null, remainingNanos, () -> new TimeoutTask(source, Descriptions.ofScheduled(future),
					Duration.ofNanos(remainingNanos), origin, reason));
		}
	}

	/**
	 * Remove the cancelled entries of the executor's queue: a cancelled task never runs,
	 * so removing it changes nothing but the memory and threads it holds. Live tasks and
	 * periodic jobs are never touched.
	 */
	static void removeCancelled(ScheduledThreadPoolExecutor executor, String source, @Nullable String origin,
			RemovedTimeoutTasks.Builder removed) {
		for (Runnable entry : executor.getQueue()) {
			if (entry instanceof RunnableScheduledFuture<?> future && future.isCancelled() && executor.remove(future)) {
				long remainingNanos = future.getDelay(TimeUnit.NANOSECONDS);
				removed.add(() -> TimeoutTask.lingering(source, Descriptions.ofScheduled(future),
						Duration.ofNanos(remainingNanos), origin, TimeoutTask.CANCELLED_NOT_REMOVED));
			}
		}
	}

	private static @Nullable String reason(RunnableScheduledFuture<?> future, boolean shutdown) {
		if (future.isCancelled()) {
			return TimeoutTask.CANCELLED_NOT_REMOVED;
		}
		return shutdown ? TimeoutTask.OWNER_CLOSED : null;
	}

}
