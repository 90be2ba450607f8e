package dev.cleanup.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantPolicy;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownBudget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Warns, once startup is done, when the worst-case shutdown exceeds
 * {@code cleanup.termination-grace-period} and when a {@code cleanup.resources.<name>}
 * matches no participant.
 *
 * @author cleanup contributors
 */
final class StartupWarnings {

	private static final Log logger = LogFactory.getLog(StartupWarnings.class);

	private final CleanupProperties properties;

	private final ShutdownPlanner planner;

	private final ParticipantRegistry registry;

	StartupWarnings(CleanupProperties properties, ShutdownPlanner planner, ParticipantRegistry registry) {
		this.properties = properties;
		this.planner = planner;
		this.registry = registry;
	}

	/**
	 * Log the warnings that apply.
	 */
	void log() {
		warnIfOverBudget();
		warnAboutUnknownResources();
	}

	private void warnIfOverBudget() {
		Duration gracePeriod = this.properties.getTerminationGracePeriod();
		if (gracePeriod == null) {
			return;
		}
		ShutdownBudget budget = this.planner.budget();
		if (budget.worstCase().compareTo(gracePeriod) > 0) {
			logger.warn("Worst-case shutdown of " + budget.worstCase().toMillis()
					+ " ms exceeds cleanup.termination-grace-period of " + gracePeriod.toMillis() + " ms: "
					+ budget.arithmetic() + " (with every upstream stuck: " + budget.stuckUpstreamArithmetic()
					+ "). Lower cleanup.drain.timeout (how long calls in flight at shutdown may take), "
					+ "cleanup.close.timeout or cleanup.dispose.timeout (how long a pool waits for its calls, "
					+ "and how long calls started during shutdown may take), cleanup.resources.<name>.timeout "
					+ "(one participant's) or spring.lifecycle.timeout-per-shutdown-phase (Boot's inbound "
					+ "drain), or raise the platform's grace period (and cleanup.termination-grace-period "
					+ "with it).");
		}
	}

	private void warnAboutUnknownResources() {
		List<Participant> participants = this.registry.participants();
		List<String> unknown = ParticipantPolicy.unmatched(this.properties.getResources().keySet(), participants);
		for (String name : unknown) {
			logger.warn("cleanup.resources." + name + " matches no participant. Known participants: "
					+ participants.stream().map(Participant::name).toList()
					+ " (pools captured later are matched when they appear).");
		}
	}

}
