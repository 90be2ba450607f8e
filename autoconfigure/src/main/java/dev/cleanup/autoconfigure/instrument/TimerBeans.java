package dev.cleanup.autoconfigure.instrument;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BooleanSupplier;

import dev.cleanup.client.ClientStacks;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.LingeringCensus;
import dev.cleanup.lingering.ScheduledExecutorTaskSource;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.lingering.TimeoutTaskSource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Schedulers and timers defined as beans (Spring's schedulers, scheduled executors, a
 * stack's timers): each becomes a source of timeout tasks for the census.
 *
 * @author cleanup contributors
 */
public final class TimerBeans implements BooleanSupplier {

	private final ClientStacks stacks;

	private final ObjectProvider<LingeringCensus> census;

	private final ObjectProvider<ShutdownCoordinator> coordinator;

	public TimerBeans(ClientStacks stacks, ObjectProvider<LingeringCensus> census,
			ObjectProvider<ShutdownCoordinator> coordinator) {
		this.stacks = stacks;
		this.census = census;
		this.coordinator = coordinator;
	}

	/**
	 * Count the timeout tasks of a bean, if it is a scheduler or a timer.
	 * @param bean the bean
	 * @param beanName its name
	 */
	public void add(Object bean, String beanName) {
		TimeoutTaskSource source = sourceOf(bean, beanName);
		if (source != null) {
			this.census.getObject().tasks().addSource(source);
		}
	}

	private @Nullable TimeoutTaskSource sourceOf(Object bean, String beanName) {
		if (bean instanceof ThreadPoolTaskScheduler scheduler) {
			return new ScheduledExecutorTaskSource(beanName, scheduler);
		}
		if (bean instanceof ScheduledThreadPoolExecutor executor) {
			return new ScheduledExecutorTaskSource(beanName, executor);
		}
		// a timer's tasks linger once its context closes
		return this.stacks.timerSourceOf(bean, beanName, this);
	}

	/**
	 * Whether the timers' owner, the application context, is closing: the timer sources
	 * ask this rather than each holding a function of its own.
	 * @return {@code true} once the shutdown started
	 */
	@Override
	public boolean getAsBoolean() {
		return this.coordinator.getObject().isShuttingDown();
	}

}
