package dev.cleanup.autoconfigure;

import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.Stage;
import dev.cleanup.lingering.ExitWatchdog;
import dev.cleanup.tracking.InFlightCalls;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the staged shutdown of outbound
 * HTTP clients: the participant registry, the coordinator and one
 * {@link org.springframework.context.SmartLifecycle} bean per stage.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "cleanup.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CleanupProperties.class)
public final class CleanupAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ParticipantRegistry cleanupParticipantRegistry() {
		return new ParticipantRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	InFlightCalls cleanupInFlightCalls() {
		return new InFlightCalls();
	}

	@Bean
	@ConditionalOnMissingBean
	ShutdownCoordinator cleanupShutdownCoordinator(CleanupProperties properties, ParticipantRegistry registry,
			InFlightCalls calls) {
		CleanupPropertiesValidator.validate(properties);
		ShutdownCoordinator coordinator = new ShutdownCoordinator(registry,
				ParticipantPolicyFactory.create(properties), properties.getDrain().getTimeout());
		coordinator.addInFlightSource(calls);
		calls.setPoolsClosing(coordinator::isClosingPools);
		return coordinator;
	}

	@Bean
	@ConditionalOnMissingBean
	PoolCaptures cleanupPoolCaptures(ParticipantRegistry registry, InFlightCalls calls) {
		return new PoolCaptures(registry, calls);
	}

	@Bean
	CleanupStageLifecycle cleanupDrainStage(CleanupProperties properties, ShutdownCoordinator coordinator,
			ConfigurableApplicationContext context) {
		return new CleanupStageLifecycle("drain", properties.getDrain().getPhase(), coordinator::drain, context);
	}

	@Bean
	CleanupStageLifecycle cleanupCloseStage(CleanupProperties properties, ShutdownCoordinator coordinator,
			ConfigurableApplicationContext context) {
		return new CleanupStageLifecycle("close", properties.getClose().getPhase(),
				() -> coordinator.close(Stage.CLOSE), context);
	}

	@Bean
	CleanupStageLifecycle cleanupDisposeStage(CleanupProperties properties, ShutdownCoordinator coordinator,
			ConfigurableApplicationContext context) {
		return new CleanupStageLifecycle("dispose", properties.getDispose().getPhase(),
				() -> coordinator.close(Stage.DISPOSE), context);
	}

	@Bean
	CleanupStageLifecycle cleanupReportStage(CleanupProperties properties, ShutdownCoordinator coordinator,
			ConfigurableApplicationContext context) {
		ShutdownReportLogger report = new ShutdownReportLogger(coordinator);
		CleanupProperties.Watchdog watchdog = properties.getWatchdog();
		Runnable work = (!watchdog.isEnabled()) ? report : () -> {
			report.run();
			// does nothing in a JVM shutdown, which ends the process anyway
			new ExitWatchdog(watchdog.getGrace(), watchdog.getAction()).start();
		};
		return new CleanupStageLifecycle("report", CleanupProperties.REPORT_PHASE, work, context);
	}

	@Bean
	@ConditionalOnMissingBean
	ShutdownBudgetCalculator cleanupShutdownBudgetCalculator(CleanupProperties properties,
			ShutdownCoordinator coordinator, ConfigurableApplicationContext context) {
		return new ShutdownBudgetCalculator(properties, coordinator, context);
	}

	@Bean
	ShutdownStartListener cleanupShutdownStartListener(ShutdownCoordinator coordinator,
			ConfigurableApplicationContext context) {
		return new ShutdownStartListener(coordinator, context);
	}

	@Bean
	ShutdownPhaseTimeouts cleanupShutdownPhaseTimeouts(CleanupProperties properties,
			ShutdownBudgetCalculator budgets, ConfigurableApplicationContext context) {
		return new ShutdownPhaseTimeouts(properties, budgets, context);
	}

	@Bean
	StartupWarnings cleanupStartupWarnings(CleanupProperties properties, ShutdownBudgetCalculator budgets,
			ParticipantRegistry registry, ConfigurableApplicationContext context) {
		return new StartupWarnings(properties, budgets, registry, context);
	}

}
