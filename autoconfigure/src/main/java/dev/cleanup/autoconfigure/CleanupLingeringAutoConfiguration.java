package dev.cleanup.autoconfigure;

import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.netty.util.HashedWheelTimer;
import reactor.core.scheduler.Schedulers;

import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.lingering.CommonPoolDelayedTaskSource;
import dev.cleanup.lingering.HashedWheelTimerTaskSource;
import dev.cleanup.lingering.OverdueCallTaskSource;
import dev.cleanup.lingering.ReactorSchedulerTaskSource;
import dev.cleanup.lingering.ScheduledExecutorTaskSource;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.tracking.InFlightCalls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the census of timeout tasks
 * (Reactor's schedulers, Spring schedulers and scheduled executors, Netty timers, the
 * JDK's delayed tasks, calls past their deadline) and of client threads that outlive
 * their pools.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = CleanupAutoConfiguration.class)
@ConditionalOnBean(ShutdownCoordinator.class)
public final class CleanupLingeringAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TimeoutTaskCensus cleanupTimeoutTaskCensus(ShutdownCoordinator coordinator, InFlightCalls calls) {
		TimeoutTaskCensus census = new TimeoutTaskCensus(coordinator::isShuttingDown);
		census.addSource(new OverdueCallTaskSource(calls));
		census.addSource(new CommonPoolDelayedTaskSource());
		return census;
	}

	@Bean
	@ConditionalOnMissingBean
	ClientThreadCensus cleanupClientThreadCensus(ShutdownCoordinator coordinator) {
		ClientThreadCensus census = new ClientThreadCensus();
		coordinator.addResultListener((result) -> ClientThreadNames.recordClosed(census, result));
		return census;
	}

	@Bean
	static BeanPostProcessor cleanupScheduledExecutorTaskSources(ObjectProvider<TimeoutTaskCensus> census) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof ThreadPoolTaskScheduler scheduler) {
					census.getObject()
						.addSource(new ScheduledExecutorTaskSource(beanName, scheduler::getScheduledThreadPoolExecutor));
				}
				else if (bean instanceof ScheduledThreadPoolExecutor executor) {
					census.getObject().addSource(new ScheduledExecutorTaskSource(beanName, executor));
				}
				return bean;
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Schedulers.class)
	static class ReactorSchedulersConfiguration {

		/**
		 * Counts Reactor's delayed tasks ({@code Mono.timeout} and friends) when
		 * {@link ReactorSchedulersDecoratorInstaller} could install its decorator early.
		 */
		@Bean
		ReactorSchedulerTaskSource cleanupReactorSchedulerTaskSource(TimeoutTaskCensus census) {
			ReactorSchedulerTaskSource source = new ReactorSchedulerTaskSource();
			if (ReactorSchedulerTaskSource.isInstalled()) {
				census.addSource(source);
			}
			return source;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HashedWheelTimer.class)
	static class NettyTimersConfiguration {

		@Bean
		static BeanPostProcessor cleanupHashedWheelTimerTaskSources(ObjectProvider<TimeoutTaskCensus> census) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof HashedWheelTimer timer) {
						census.getObject().addSource(new HashedWheelTimerTaskSource(beanName, timer));
					}
					return bean;
				}

			};
		}

	}

}
