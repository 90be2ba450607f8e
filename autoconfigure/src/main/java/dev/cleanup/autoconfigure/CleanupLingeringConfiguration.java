package dev.cleanup.autoconfigure;

import java.util.function.Predicate;

import dev.cleanup.client.reactor.ReactorClientStack;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.lingering.CommonPoolDelayedTaskSource;
import dev.cleanup.lingering.OverdueCallTaskSource;
import dev.cleanup.lingering.ReactorSchedulerTaskSource;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.tracking.InFlightCalls;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
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

	/**
	 * Captures Reactor's scheduler executors where an application makes reactive HTTP
	 * calls or serves them (WebFlux, or Reactor Netty), and only there: an application
	 * with Reactor on its class path for another reason keeps Reactor's schedulers as
	 * they are.
	 * @return the capture, installed before any singleton is created
	 */
	@Bean
	@Conditional(ReactiveHttpPresent.class)
	static ReactorSchedulersCapture cleanupReactorSchedulersCapture() {
		return new ReactorSchedulersCapture();
	}

	@Bean
	TimeoutTaskCensus cleanupTimeoutTaskCensus(ShutdownCoordinator coordinator, InFlightCalls calls,
			ResourceLoader resourceLoader) {
		TimeoutTaskCensus census = new TimeoutTaskCensus(coordinator::isShuttingDown);
		census.addSource(new OverdueCallTaskSource(calls));
		census.addSource(new CommonPoolDelayedTaskSource());
		// counts Mono.timeout and friends where the capture installed its decorator
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

	/**
	 * Reactor's schedulers on the class path, with WebFlux or Reactor Netty beside them.
	 */
	static final class ReactiveHttpPresent extends SpringBootCondition {

		private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client.WebClient";

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ClassLoader classLoader = context.getClassLoader();
			if (!ClassUtils.isPresent(SCHEDULERS, classLoader)) {
				return ConditionOutcome.noMatch("Reactor's Schedulers are not on the class path");
			}
			if (ClassUtils.isPresent(WEB_CLIENT, classLoader) || ReactorClientStack.Classes.present(classLoader)) {
				return ConditionOutcome.match("Reactor's Schedulers with WebFlux or Reactor Netty");
			}
			return ConditionOutcome.noMatch("neither WebFlux nor Reactor Netty is on the class path");
		}

	}

}
