package dev.cleanup.autoconfigure;

import java.util.concurrent.ScheduledThreadPoolExecutor;

import dev.cleanup.client.Pool;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.ScheduledExecutorTaskSource;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.lingering.TimeoutTaskSource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The starter's one bean post-processor: beans that are pools of a client stack become
 * participants named after their beans, and schedulers and timers become sources of
 * timeout tasks. Beans live as long as their context, so they are held strongly.
 *
 * @author cleanup contributors
 */
final class CleanupBeanPostProcessor implements BeanPostProcessor {

	private final ClientPools pools;

	private final ObjectProvider<TimeoutTaskCensus> census;

	private final ObjectProvider<ShutdownCoordinator> coordinator;

	CleanupBeanPostProcessor(ClientPools pools, ObjectProvider<TimeoutTaskCensus> census,
			ObjectProvider<ShutdownCoordinator> coordinator) {
		this.pools = pools;
		this.census = census;
		this.coordinator = coordinator;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Pool pool = this.pools.stacks().poolOfBean(bean);
		if (pool != null) {
			this.pools.registerBean(pool, beanName);
		}
		TimeoutTaskSource timer = timerSource(bean, beanName);
		if (timer != null) {
			this.census.getObject().addSource(timer);
		}
		return bean;
	}

	private @Nullable TimeoutTaskSource timerSource(Object bean, String beanName) {
		if (bean instanceof ThreadPoolTaskScheduler scheduler) {
			return new ScheduledExecutorTaskSource(beanName, scheduler::getScheduledThreadPoolExecutor);
		}
		if (bean instanceof ScheduledThreadPoolExecutor executor) {
			return new ScheduledExecutorTaskSource(beanName, executor);
		}
		// a timer's tasks linger once its context closes
		return this.pools.stacks().timerSourceOf(bean, beanName, () -> this.coordinator.getObject().isShuttingDown());
	}

}
