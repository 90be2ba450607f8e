package dev.cleanup.autoconfigure;

import java.time.Duration;

import dev.cleanup.core.ShutdownBudget;
import dev.cleanup.core.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The starter's stages, as Spring sees them: each one {@code SmartLifecycle} bean, with
 * its name, its phase and timeout properties and how long it can take. Every place that
 * lists the stages (the beans, the phase timeouts, the validation, the endpoint) derives
 * from here. The report closes nothing and is never a participant's stage.
 *
 * @author cleanup contributors
 */
enum CleanupStage {

	/**
	 * Waits for tracked calls, just below the web server's stop.
	 */
	DRAIN(Stage.DRAIN, CleanupProperties.DEFAULT_DRAIN_PHASE),

	/**
	 * Closes client pools, just below Spring's task executors.
	 */
	CLOSE(Stage.CLOSE, CleanupProperties.DEFAULT_CLOSE_PHASE),

	/**
	 * Disposes shared event loops, above Spring's Reactor resource factory.
	 */
	DISPOSE(Stage.DISPOSE, CleanupProperties.DEFAULT_DISPOSE_PHASE),

	/**
	 * Writes the shutdown report, after everything else.
	 */
	REPORT(null, CleanupProperties.REPORT_PHASE);

	private final @Nullable Stage stage;

	private final int defaultPhase;

	CleanupStage(@Nullable Stage stage, int defaultPhase) {
		this.stage = stage;
		this.defaultPhase = defaultPhase;
	}

	/**
	 * Return the stage's name, as in its properties and the report.
	 * @return for example {@code close}
	 */
	String configName() {
		return (this.stage != null) ? this.stage.configName() : "report";
	}

	/**
	 * Return the engine's stage.
	 * @return the stage, or {@code null} for the report
	 */
	@Nullable Stage stage() {
		return this.stage;
	}

	/**
	 * Return the phase property's name.
	 * @return for example {@code cleanup.close.phase}
	 */
	String phaseProperty() {
		return "cleanup." + configName() + ".phase";
	}

	int defaultPhase() {
		return this.defaultPhase;
	}

	/**
	 * Return the configured phase.
	 * @param properties the properties
	 * @return the phase
	 */
	int phase(CleanupProperties properties) {
		return switch (this) {
			case DRAIN -> properties.getDrain().getPhase();
			case CLOSE -> properties.getClose().getPhase();
			case DISPOSE -> properties.getDispose().getPhase();
			case REPORT -> this.defaultPhase;
		};
	}

	/**
	 * Return the configured timeout, the default of the stage's participants.
	 * @param properties the properties
	 * @return the timeout, zero for the report
	 */
	Duration timeout(CleanupProperties properties) {
		return switch (this) {
			case DRAIN -> properties.getDrain().getTimeout();
			case CLOSE -> properties.getClose().getTimeout();
			case DISPOSE -> properties.getDispose().getTimeout();
			case REPORT -> Duration.ZERO;
		};
	}

	/**
	 * Return how long the stage can take at most.
	 * @param budget the budget
	 * @return the stage's part of it, {@code null} for the report, which takes no time
	 * worth a timeout
	 */
	@Nullable Duration longest(ShutdownBudget budget) {
		return switch (this) {
			case DRAIN -> budget.drain();
			case CLOSE -> budget.closeStage();
			case DISPOSE -> budget.disposeStage();
			case REPORT -> null;
		};
	}

}
