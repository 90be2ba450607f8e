package dev.cleanup.autoconfigure;

import java.util.concurrent.ScheduledThreadPoolExecutor;

import dev.cleanup.lingering.HashedWheelTimerTaskSource;
import dev.cleanup.lingering.ScheduledExecutorTaskSource;
import dev.cleanup.lingering.TimeoutTaskCensus;
import io.netty.util.HashedWheelTimer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Adds the schedulers that are beans to the census of timeout tasks: Spring's
 * {@link ThreadPoolTaskScheduler}s, scheduled executors and, when Netty is on the class
 * path, its {@link HashedWheelTimer}s.
 *
 * @author cleanup contributors
 */
final class TimeoutTaskSourceBeans implements BeanPostProcessor {

	private final ObjectProvider<TimeoutTaskCensus> census;

	private final boolean nettyTimers;

	TimeoutTaskSourceBeans(ObjectProvider<TimeoutTaskCensus> census, boolean nettyTimers) {
		this.census = census;
		this.nettyTimers = nettyTimers;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ThreadPoolTaskScheduler scheduler) {
			this.census.getObject()
				.addSource(new ScheduledExecutorTaskSource(beanName, scheduler::getScheduledThreadPoolExecutor));
		}
		else if (bean instanceof ScheduledThreadPoolExecutor executor) {
			this.census.getObject().addSource(new ScheduledExecutorTaskSource(beanName, executor));
		}
		// the flag comes first: the type check would fail without Netty
		else if (this.nettyTimers && bean instanceof HashedWheelTimer timer) {
			this.census.getObject().addSource(new HashedWheelTimerTaskSource(beanName, timer));
		}
		return bean;
	}

}
