package dev.cleanup.autoconfigure.lifecycle;

import dev.cleanup.autoconfigure.CleanupProperties;

import java.time.Duration;

import dev.cleanup.core.plan.ShutdownBudget;
import dev.cleanup.core.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The starter's stages, as users see them: drain, close, dispose and the report, each
 * with its name and timeout. The drain is a {@code SmartLifecycle} bean with a phase,
 * just after the web server's stop; close, dispose and the report run after the
 * application's own shutdown work, in bean destruction ({@link LateStages}), so they have
 * no phase. Every place that lists the stages (the beans, the phase timeouts, the
 * validation, the endpoint) derives from here. The report closes nothing and is never a
 * participant's stage.
 *
 * @author cleanup contributors
 */
public enum CleanupStage {

	/**
	 * Waits for tracked calls, just below the web server's stop.
	 */
	DRAIN(Stage.DRAIN),

	/**
	 * Closes client pools, after the application's own shutdown work.
	 */
	CLOSE(Stage.CLOSE),

	/**
	 * Disposes shared event loops and client thread pools, after the close stage.
	 */
	DISPOSE(Stage.DISPOSE),

	/**
	 * Writes the shutdown report, after everything else.
	 */
	REPORT(null);

	private final @Nullable Stage stage;

	CleanupStage(@Nullable Stage stage) {
		this.stage = stage;
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
	 * Return the configured phase: the drain's; the other stages run after the
	 * application's own shutdown work and have none.
	 * @param properties the properties
	 * @return the phase, or {@code null}
	 */
	@Nullable Integer phase(CleanupProperties properties) {
		return (this == DRAIN) ? properties.getDrain().getPhase() : null;
	}

	/**
	 * Return the configured timeout, the default of the stage's participants.
	 * @param properties the properties
	 * @return the timeout, zero for the report
	 */
	Duration timeout(CleanupProperties properties) {
		// ifs, not a switch on the enum: that would load a class of its own at startup
		if (this == DRAIN) {
			return properties.getDrain().getTimeout();
		}
		if (this == CLOSE) {
			return properties.getClose().getTimeout();
		}
		return (this == DISPOSE) ? properties.getDispose().getTimeout() : Duration.ZERO;
	}

	/**
	 * Return how long the stage can take at most.
	 * @param budget the budget
	 * @return the stage's part of it, {@code null} for the report, which takes no time
	 * worth a timeout
	 */
	@Nullable Duration longest(ShutdownBudget budget) {
		if (this == DRAIN) {
			return budget.drain();
		}
		if (this == CLOSE) {
			return budget.closeStage();
		}
		return (this == DISPOSE) ? budget.disposeStage() : null;
	}

}
