package dev.cleanup.lingering;

import java.lang.ref.WeakReference;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Timeout tasks in the queue of one {@link ScheduledThreadPoolExecutor}, such as the one
 * behind a Spring {@code ThreadPoolTaskScheduler} or a {@code ScheduledExecutorService}
 * bean. A cancelled task still in the queue (the executor's remove-on-cancel policy is
 * off, as it is by default) lingers and can be removed; a task left in the queue of an
 * executor that was shut down lingers but is never removed (it may still run); every
 * other task, periodic jobs included, is pending.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ScheduledExecutorTaskSource implements TimeoutTaskSource {

	private final String name;

	private final @Nullable WeakReference<ScheduledThreadPoolExecutor> executor;

	private final @Nullable ThreadPoolTaskScheduler scheduler;

	/**
	 * Create a source for an executor, held weakly: once it is garbage collected the
	 * source reports it as gone.
	 * @param name the name of the executor's owner, for example a bean name
	 * @param executor the executor
	 */
	public ScheduledExecutorTaskSource(String name, ScheduledThreadPoolExecutor executor) {
		this.name = name;
		this.executor = new WeakReference<>(executor);
		this.scheduler = null;
	}

	/**
	 * Create a source for the executor of Spring's scheduler, looked up on each use:
	 * until the scheduler is initialized, the lookup fails and the snapshot says so.
	 * @param name the name of the scheduler, for example its bean name
	 * @param scheduler the scheduler
	 */
	public ScheduledExecutorTaskSource(String name, ThreadPoolTaskScheduler scheduler) {
		this.name = name;
		this.executor = null;
		this.scheduler = scheduler;
	}

	private @Nullable ScheduledThreadPoolExecutor executor() {
		ThreadPoolTaskScheduler scheduler = this.scheduler;
		if (scheduler != null) {
			return scheduler.getScheduledThreadPoolExecutor();
		}
		WeakReference<ScheduledThreadPoolExecutor> executor = this.executor;
		return (executor != null) ? executor.get() : null;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public TimeoutTaskSnapshot snapshot(int lingeringLimit, int pendingLimit) {
		try {
			ScheduledThreadPoolExecutor executor = executor();
			if (executor == null) {
				return TimeoutTaskSnapshot.unavailable(this.name, "no executor: not created yet or garbage collected");
			}
			TimeoutTaskSnapshot.Builder builder = TimeoutTaskSnapshot.builder(this.name, lingeringLimit, pendingLimit);
			ScheduledQueues.scan(executor, this.name, null, builder);
			return builder.note(executor.isShutdown() ? "executor is shut down" : null).build();
		}
		catch (RuntimeException ex) {
			return TimeoutTaskSnapshot.unavailable(this.name, "failed: " + TimeoutTaskCensus.describe(ex));
		}
	}

	@Override
	public RemovedTimeoutTasks removeLingering(int limit) {
		RemovedTimeoutTasks.Builder removed = RemovedTimeoutTasks.builder(limit);
		try {
			ScheduledThreadPoolExecutor executor = executor();
			if (executor != null) {
				ScheduledQueues.removeCancelled(executor, this.name, null, removed);
			}
		}
		catch (RuntimeException ex) {
			// what was removed before the failure is still reported
		}
		return removed.build();
	}

}
