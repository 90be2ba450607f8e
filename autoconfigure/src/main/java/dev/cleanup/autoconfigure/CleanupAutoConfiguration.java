package dev.cleanup.autoconfigure;

import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.lingering.ExitWatchdog;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.tracking.InFlightCalls;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the staged shutdown of outbound
 * HTTP clients: the participant registry, the coordinator, the drain stage (a
 * {@link org.springframework.context.SmartLifecycle} bean) and the {@link LateStages}
 * (close, dispose and the report, after the application's own shutdown work), plus the
 * tracking of in-flight calls, the finding of client pools and the census of lingering
 * work. It is turned off by {@code cleanup.enabled=false}; the starter's beans are its
 * own parts, not meant to be replaced. On a Spring Boot line it does not serve,
 * {@link UnsupportedBootLineAutoConfiguration} stands in for it.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(name = BootLines.BOOT_35_OR_LATER)
@ConditionalOnBooleanProperty(name = "cleanup.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CleanupProperties.class)
@Import({ CleanupTrackingConfiguration.class, CleanupClientsConfiguration.class, CleanupLingeringConfiguration.class })
@ImportRuntimeHints(CleanupRuntimeHints.class)
public final class CleanupAutoConfiguration {

	@Bean
	ParticipantRegistry cleanupParticipantRegistry() {
		return new ParticipantRegistry();
	}

	@Bean
	InFlightCalls cleanupInFlightCalls() {
		return new InFlightCalls();
	}

	@Bean
	ShutdownCoordinator cleanupShutdownCoordinator(CleanupProperties properties, ParticipantRegistry registry,
			InFlightCalls calls) {
		CleanupPropertiesValidator.validate(properties);
		ShutdownCoordinator coordinator = new ShutdownCoordinator(registry, ParticipantPolicyFactory.create(properties),
				properties.getDrain().getTimeout());
		coordinator.addInFlightSource(calls);
		return coordinator;
	}

	@Bean
	ShutdownPlanner cleanupShutdownPlanner(CleanupProperties properties, ShutdownCoordinator coordinator,
			ConfigurableApplicationContext context) {
		return new ShutdownPlanner(properties, coordinator, context);
	}

	@Bean
	CleanupStageLifecycle cleanupDrainStage(CleanupProperties properties, ShutdownCoordinator coordinator,
			ClientPools pools, ConfigurableApplicationContext context) {
		return new CleanupStageLifecycle(CleanupStage.DRAIN, properties, () -> {
			coordinator.drain();
			// what each stack does once calls in flight at shutdown have drained
			pools.stacks().drained();
		}, context);
	}

	@Bean
	LateStages cleanupLateStages(CleanupProperties properties, ShutdownCoordinator coordinator, ClientPools pools,
			TimeoutTaskCensus tasks, ClientThreadCensus threads, ConfigurableApplicationContext context) {
		ShutdownReportLogger report = new ShutdownReportLogger(coordinator, tasks, threads);
		CleanupProperties.Watchdog watchdog = properties.getWatchdog();
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		Runnable work = (!watchdog.isEnabled()) ? report : () -> {
			report.run();
			// does nothing in a JVM shutdown, which ends the process anyway
			new ExitWatchdog(watchdog.getGrace(), watchdog.getAction(), 0, () -> RunningContexts.otherThan(beanFactory))
				.start();
		};
		return new LateStages(coordinator, pools, work);
	}

	@Bean
	CleanupContextListener cleanupContextListener(CleanupProperties properties, ShutdownCoordinator coordinator,
			ShutdownPlanner planner, ClientPools pools, ConfigurableApplicationContext context) {
		return new CleanupContextListener(context, coordinator, new ShutdownPhaseTimeouts(properties, planner, context),
				new StartupWarnings(properties, planner, coordinator.registry()), pools);
	}

}
