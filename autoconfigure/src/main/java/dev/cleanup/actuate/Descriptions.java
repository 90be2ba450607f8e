package dev.cleanup.actuate;

import java.time.Duration;
import java.util.List;

import dev.cleanup.actuate.CleanupEndpoint.BudgetDescriptor;
import dev.cleanup.actuate.CleanupEndpoint.CleanupDescriptor;
import dev.cleanup.actuate.CleanupEndpoint.InFlightCallDescriptor;
import dev.cleanup.actuate.CleanupEndpoint.LeftOutDescriptor;
import dev.cleanup.actuate.CleanupEndpoint.ParticipantDescriptor;
import dev.cleanup.actuate.CleanupEndpoint.PoolDescriptor;
import dev.cleanup.actuate.CleanupEndpoint.StageDescriptor;
import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Participant;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.plan.ParticipantPolicy;
import dev.cleanup.core.plan.ShutdownBudget;
import dev.cleanup.core.plan.ShutdownPlan;
import dev.cleanup.tracking.InFlightCall;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.UriSanitizer;
import org.jspecify.annotations.Nullable;

/**
 * Builds the endpoint's descriptors. Apart from the endpoint so that Spring's
 * introspection of the endpoint's bean class at startup loads none of their types.
 *
 * @author cleanup contributors
 */
final class Descriptions {

	private final ShutdownCoordinator coordinator;

	private final InFlightCalls calls;

	Descriptions(ShutdownCoordinator coordinator, InFlightCalls calls) {
		this.coordinator = coordinator;
		this.calls = calls;
	}

	CleanupDescriptor cleanup(ShutdownPlan plan, PendingWork.Snapshot pending, boolean showQueryValues) {
		List<InFlightCall> inFlight = this.calls.snapshot();
		List<InFlightCallDescriptor> listed = inFlight.stream()
			.limit(CleanupEndpoint.MAX_LISTED_CALLS)
			.map((call) -> describe(call, showQueryValues))
			.toList();
		List<Participant> participants = this.coordinator.registry().participants();
		LeftOutDescriptor leftOut = new LeftOutDescriptor(inFlight.size() - listed.size(),
				pending.lingeringTasksLeftOut(), pending.leakedThreadsLeftOut(),
				Math.max(0, participants.size() - CleanupEndpoint.MAX_LISTED_PARTICIPANTS));
		return new CleanupDescriptor(this.coordinator.state().name(), stages(plan),
				participants.stream()
					.limit(CleanupEndpoint.MAX_LISTED_PARTICIPANTS)
					.map((participant) -> participant(participant, plan))
					.toList(),
				listed, pending.lingeringTasks(), pending.pendingTimeouts(), pending.leakedThreads(), budget(plan),
				leftOut);
	}

	private static List<StageDescriptor> stages(ShutdownPlan plan) {
		return plan.stages()
			.stream()
			.map((stage) -> new StageDescriptor(stage.name(), stage.phase(),
					(stage.phase() != null) ? StageDescriptor.AT_PHASE : StageDescriptor.AFTER_SHUTDOWN_WORK,
					stage.timeout().toMillis()))
			.toList();
	}

	private static BudgetDescriptor budget(ShutdownPlan plan) {
		ShutdownBudget budget = plan.budget();
		Duration gracePeriod = plan.terminationGracePeriod();
		return new BudgetDescriptor(budget.worstCase().toMillis(),
				(gracePeriod != null) ? gracePeriod.toMillis() : null, plan.withinGracePeriod(),
				budget.inboundDrain().toMillis(), budget.drain().toMillis(), budget.slowestClose().toMillis(),
				budget.slowestDispose().toMillis(), ShutdownBudget.forcedBound().toMillis(), budget.arithmetic(),
				budget.stuckUpstream().toMillis(), budget.stuckUpstreamArithmetic(), plan.gracePeriodSource(),
				plan.preStopDelay().toMillis());
	}

	ParticipantDescriptor participant(Participant participant, ShutdownPlan plan) {
		ParticipantPolicy.Settings settings = plan.settingsFor(participant);
		CloseResult last = participant.lastResult();
		String state = (last != null) ? "closed" : participant.isClosing() ? "closing" : "open";
		PoolUsage usage = participant.usage();
		PoolDescriptor pool = (usage.equals(PoolUsage.UNKNOWN)) ? null : new PoolDescriptor(known(usage.inUse()),
				known(usage.idle()), known(usage.pending()), known(usage.max()));
		return new ParticipantDescriptor(participant.name(), participant.kind().displayName(),
				settings.stage().configName(), settings.timeout().toString(), state, settings.enabled(),
				participant.isCaptured(), pool, (last != null) ? last.outcome().displayName() : null,
				(last != null) ? last.duration().toMillis() : null, (last != null) ? last.detail() : null);
	}

	private InFlightCallDescriptor describe(InFlightCall call, boolean showQueryValues) {
		Duration remaining = call.remaining();
		return new InFlightCallDescriptor(call.client().name(), call.method(),
				UriSanitizer.sanitize(call.uri(), showQueryValues), this.calls.startedAt(call),
				call.elapsed().toMillis(), (remaining != null) ? remaining.toMillis() : null, call.threadName());
	}

	private static @Nullable Integer known(int figure) {
		return (figure >= 0) ? figure : null;
	}

}
