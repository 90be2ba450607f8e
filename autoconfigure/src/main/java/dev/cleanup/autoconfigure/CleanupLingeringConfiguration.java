package dev.cleanup.autoconfigure;

import java.util.function.Predicate;

import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.lingering.CommonPoolDelayedTaskSource;
import dev.cleanup.lingering.OverdueCallTaskSource;
import dev.cleanup.lingering.ReactorSchedulerTaskSource;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.tracking.InFlightCalls;

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
		coordinator.addResultListener((result) -> {
			// once a pool closed, its own threads still alive count as leaked
			Participant participant = coordinator.registry().find(result.name());
			Predicate<Thread> threads = (participant != null) ? participant.threads() : null;
			if (threads != null && (result.outcome() == Outcome.GRACEFUL || result.outcome() == Outcome.FORCED)) {
				census.poolClosed(result.name(), threads);
			}
		});
		return census;
	}

}
