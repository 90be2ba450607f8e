package dev.cleanup.autoconfigure.lifecycle;

import dev.cleanup.autoconfigure.CleanupProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.cleanup.core.Participant;
import dev.cleanup.core.plan.ParticipantPolicy;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.plan.ShutdownBudget;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Says, once startup is done, that the starter is active, and warns when the pre-stop
 * delay plus the worst-case shutdown exceeds the termination grace period in force
 * ({@link TerminationGracePeriod}: set, or Kubernetes' default on Kubernetes), and when a
 * {@code cleanup.resources.<name>} matches no participant, or a property that no longer
 * has an effect is set.
 *
 * @author cleanup contributors
 */
public final class StartupWarnings {

	private static final Log logger = LogFactory.getLog(StartupWarnings.class);

	private final CleanupProperties properties;

	private final ShutdownPlanner planner;

	private final ParticipantRegistry registry;

	public StartupWarnings(CleanupProperties properties, ShutdownPlanner planner, ParticipantRegistry registry) {
		this.properties = properties;
		this.planner = planner;
		this.registry = registry;
	}

	/**
	 * Log one line that says the starter is active, then the warnings that apply.
	 */
	void log() {
		logActive();
		warnIfOverBudget();
		warnAboutUnknownResources();
		warnAboutFormerPhases();
	}

	/**
	 * Say, once, that the starter is active and what it will do: a user's first check
	 * that adding it worked.
	 */
	private void logActive() {
		if (!logger.isInfoEnabled()) {
			return;
		}
		List<Participant> participants = this.registry.participants();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < Math.min(10, participants.size()); i++) {
			names.add(participants.get(i).name());
		}
		TerminationGracePeriod gracePeriod = this.planner.gracePeriod();
		logger.info("Cleanup active: drain " + this.properties.getDrain().getTimeout().toMillis() + " ms, close "
				+ this.properties.getClose().getTimeout().toMillis() + " ms, dispose "
				+ this.properties.getDispose().getTimeout().toMillis() + " ms; " + participants.size()
				+ " participant(s) so far " + names + ((participants.size() > names.size()) ? " and more" : "")
				+ " (pools built later join when they are built); " + "worst-case shutdown "
				+ this.planner.budget().worstCase().toMillis() + " ms"
				+ ((gracePeriod != null) ? " against a grace period of " + gracePeriod.duration().toMillis() + " ms ("
						+ gracePeriod.source() + ")" : ""));
	}

	private void warnIfOverBudget() {
		TerminationGracePeriod gracePeriod = this.planner.gracePeriod();
		if (gracePeriod == null) {
			return;
		}
		ShutdownBudget budget = this.planner.budget();
		Duration preStop = this.properties.getPreStopDelay();
		Duration needed = preStop.plus(budget.worstCase());
		if (needed.compareTo(gracePeriod.duration()) <= 0) {
			return;
		}
		String shutdown = (preStop.isZero()) ? "Worst-case shutdown of " + budget.worstCase().toMillis() + " ms"
				: "Pre-stop delay of " + preStop.toMillis() + " ms plus a worst-case shutdown of "
						+ budget.worstCase().toMillis() + " ms";
		String against = gracePeriod.isAssumed()
				? " exceeds the " + gracePeriod.duration().toMillis() + " ms Kubernetes allows a pod by default "
						+ "(terminationGracePeriodSeconds in the pod spec, assumed since Spring Boot detected "
						+ "Kubernetes and cleanup.termination-grace-period is not set); after it the pod is killed "
						+ "with whatever is still being drained or closed"
				: " exceeds cleanup.termination-grace-period of " + gracePeriod.duration().toMillis() + " ms";
		String tellUs = gracePeriod.isAssumed()
				? " Set cleanup.termination-grace-period to the pod's terminationGracePeriodSeconds, and "
						+ "cleanup.pre-stop-delay to a preStop hook's sleep, which counts against it."
				: "";
		logger.warn(shutdown + against + ": " + budget.arithmetic() + " (with every upstream stuck: "
				+ budget.stuckUpstreamArithmetic() + ")." + tellUs
				+ " Lower spring.lifecycle.timeout-per-shutdown-phase "
				+ "(Boot's inbound drain, 30 s by default, which alone fills Kubernetes' default grace period), "
				+ "cleanup.drain.timeout (how long calls in flight at shutdown may take), cleanup.close.timeout or "
				+ "cleanup.dispose.timeout (how long a pool waits for its calls, and how long calls started during "
				+ "shutdown may take) or cleanup.resources.<name>.timeout (one participant's), or raise the "
				+ "platform's grace period (and cleanup.termination-grace-period with it).");
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

	@SuppressWarnings("removal")
	private void warnAboutFormerPhases() {
		warnAboutFormerPhase("close", this.properties.getClose().getPhase());
		warnAboutFormerPhase("dispose", this.properties.getDispose().getPhase());
	}

	private static void warnAboutFormerPhase(String stage, Integer phase) {
		if (phase != null) {
			logger.warn("cleanup." + stage + ".phase=" + phase + " has no effect: the " + stage
					+ " stage runs after the application's own shutdown work (lifecycle stops and destroy methods), "
					+ "during bean destruction, so that goodbye calls keep their clients. Remove the property; "
					+ "cleanup." + stage + ".timeout still bounds the stage.");
		}
	}

}
