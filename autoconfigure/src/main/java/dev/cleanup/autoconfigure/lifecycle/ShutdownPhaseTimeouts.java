package dev.cleanup.autoconfigure.lifecycle;

import dev.cleanup.autoconfigure.CleanupProperties;

import java.time.Duration;

import dev.cleanup.core.plan.ShutdownBudget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationContext;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultLifecycleProcessor;

/**
 * Gives the drain stage's phase a shutdown timeout at least as long as the stage can
 * take, so that Spring's per-phase timeout never moves on while it still waits. The other
 * stages run during bean destruction, which Spring does not time. Timeouts are only ever
 * raised above Spring's per-phase default, never lowered.
 *
 * @author cleanup contributors
 */
public final class ShutdownPhaseTimeouts {

	/**
	 * Room for the stage's own bookkeeping on top of its budget.
	 */
	static final Duration MARGIN = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(ShutdownPhaseTimeouts.class);

	private final CleanupProperties properties;

	private final ShutdownPlanner planner;

	private final ApplicationContext context;

	public ShutdownPhaseTimeouts(CleanupProperties properties, ShutdownPlanner planner, ApplicationContext context) {
		this.properties = properties;
		this.planner = planner;
		this.context = context;
	}

	/**
	 * Raise the stages' phase timeouts on the context's lifecycle processor.
	 */
	void apply() {
		Object processor = this.context.getBean(AbstractApplicationContext.LIFECYCLE_PROCESSOR_BEAN_NAME);
		if (!(processor instanceof DefaultLifecycleProcessor lifecycleProcessor)) {
			logger.warn("Lifecycle processor " + processor.getClass().getName()
					+ " is not a DefaultLifecycleProcessor; make sure its shutdown timeouts let the cleanup stages finish");
			return;
		}
		ShutdownBudget budget = this.planner.budget();
		Duration floor = this.planner.phaseTimeout();
		for (CleanupStage stage : CleanupStage.values()) {
			Duration longest = stage.longest(budget);
			Integer phase = stage.phase(this.properties);
			if (longest != null && phase != null) {
				long timeout = Math.max(longest.plus(MARGIN).toMillis(), floor.toMillis());
				lifecycleProcessor.setTimeoutForShutdownPhase(phase, timeout);
			}
		}
	}

}
