package dev.cleanup.core.plan;

import java.time.Duration;
import java.util.List;

import dev.cleanup.core.Participant;
import org.jspecify.annotations.Nullable;

/**
 * How the application will shut down, as it stands now: its stages in the order they run,
 * the worst-case budget, and the time the platform allows, if known. Computed in one
 * place and shown by the endpoint, the startup warnings and the phase timeouts alike.
 *
 * @param policy decides each participant's stage and timeout
 * @param stages the stages in the order they run
 * @param budget the worst-case budget
 * @param terminationGracePeriod the time the platform allows, or {@code null} if unknown
 * @param gracePeriodSource where the grace period comes from (set, or assumed for the
 * platform), or {@code null} if unknown
 * @param preStopDelay the time spent before shutdown starts that counts against the grace
 * period, such as a preStop hook's
 * @author cleanup contributors
 * @since 0.1.0
 */
public record ShutdownPlan(ParticipantPolicy policy, List<PlannedStage> stages, ShutdownBudget budget,
		@Nullable Duration terminationGracePeriod, @Nullable String gracePeriodSource, Duration preStopDelay) {

	public ShutdownPlan {
		stages = List.copyOf(stages);
	}

	/**
	 * Return a participant's settings under this plan.
	 * @param participant the participant
	 * @return its stage, timeout and whether it is closed at all
	 */
	public ParticipantPolicy.Settings settingsFor(Participant participant) {
		return this.policy.settingsFor(participant);
	}

	/**
	 * Return the pre-stop delay plus the worst-case shutdown: what must fit the grace
	 * period.
	 * @return the time needed
	 */
	public Duration needed() {
		return this.preStopDelay.plus(this.budget.worstCase());
	}

	/**
	 * Whether the pre-stop delay and the worst case fit the grace period.
	 * @return {@code null} if no grace period is known
	 */
	public @Nullable Boolean withinGracePeriod() {
		return (this.terminationGracePeriod != null) ? needed().compareTo(this.terminationGracePeriod) <= 0 : null;
	}

	/**
	 * One stage.
	 *
	 * @param name the stage's name, such as {@code drain}
	 * @param phase its {@code SmartLifecycle} phase, or {@code null} for a stage that
	 * runs after the application's own shutdown work, during bean destruction
	 * @param timeout its default timeout, zero for the report
	 */
	public record PlannedStage(String name, @Nullable Integer phase, Duration timeout) {
	}

}
