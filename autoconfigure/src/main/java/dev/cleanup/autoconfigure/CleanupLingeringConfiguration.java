package dev.cleanup.autoconfigure;

import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.lingering.CommonPoolDelayedTaskSource;
import dev.cleanup.lingering.OverdueCallTaskSource;
import dev.cleanup.lingering.ReactorSchedulerTaskSource;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.tracking.InFlightCalls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

/**
 * The census of timeout tasks (Reactor's schedulers, Spring schedulers and scheduled
 * executors, Netty timers, the JDK's delayed tasks, calls past their deadline) and of
 * client threads that outlive their pools.
 *
 * @author cleanup contributors
 */
@Configuration(proxyBeanMethods = false)
class CleanupLingeringConfiguration {

	private static final String SCHEDULERS = "reactor.core.scheduler.Schedulers";

	private static final String HASHED_WHEEL_TIMER = "io.netty.util.HashedWheelTimer";

	@Bean
	TimeoutTaskCensus cleanupTimeoutTaskCensus(ShutdownCoordinator coordinator, InFlightCalls calls,
			ResourceLoader resourceLoader) {
		TimeoutTaskCensus census = new TimeoutTaskCensus(coordinator::isShuttingDown);
		census.addSource(new OverdueCallTaskSource(calls));
		census.addSource(new CommonPoolDelayedTaskSource());
		// counts Mono.timeout and friends when ReactorSchedulersDecoratorInstaller could
		// install its decorator early
		if (ClassUtils.isPresent(SCHEDULERS, resourceLoader.getClassLoader())
				&& ReactorSchedulerTaskSource.isInstalled()) {
			census.addSource(new ReactorSchedulerTaskSource());
		}
		return census;
	}

	@Bean
	ClientThreadCensus cleanupClientThreadCensus(ShutdownCoordinator coordinator) {
		ClientThreadCensus census = new ClientThreadCensus();
		coordinator.addResultListener((result) -> ClientThreadNames.recordClosed(census, result));
		return census;
	}

	@Bean
	static TimeoutTaskSourceBeans cleanupTimeoutTaskSourceBeans(ObjectProvider<TimeoutTaskCensus> census,
			ResourceLoader resourceLoader) {
		return new TimeoutTaskSourceBeans(census,
				ClassUtils.isPresent(HASHED_WHEEL_TIMER, resourceLoader.getClassLoader()));
	}

}
