package dev.cleanup.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import dev.cleanup.core.Participant;
import dev.cleanup.core.plan.ParticipantNames;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.plan.ShutdownPlan;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.UriSanitizer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@link Endpoint @Endpoint} that shows what would hold a shutdown up: the pools, the
 * outbound calls in flight, the lingering timeout tasks and the threads that outlived
 * their pools. Its write operation, an emergency cleanup, needs unrestricted access.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@Endpoint(id = "cleanup", defaultAccess = Access.READ_ONLY)
public class CleanupEndpoint {

	/**
	 * The most in-flight calls listed; further ones are counted in {@code leftOut}.
	 */
	static final int MAX_LISTED_CALLS = 200;

	/**
	 * The most participants listed; further ones are counted in {@code leftOut}.
	 */
	static final int MAX_LISTED_PARTICIPANTS = 200;

	private final ShutdownCoordinator coordinator;

	private final InFlightCalls calls;

	private final PendingWork pendingWork;

	private final Supplier<ShutdownPlan> plan;

	private final Show showValues;

	private final Set<String> roles;

	/**
	 * Create an endpoint.
	 * @param coordinator the shutdown coordinator
	 * @param calls the in-flight calls
	 * @param pendingWork the timeout tasks and leaked threads
	 * @param plan the shutdown plan as it stands when asked
	 * @param showValues when to show query values of in-flight call URIs
	 * @param roles the roles allowed to see them with {@link Show#WHEN_AUTHORIZED}
	 */
	public CleanupEndpoint(ShutdownCoordinator coordinator, InFlightCalls calls, PendingWork pendingWork,
			Supplier<ShutdownPlan> plan, Show showValues, Set<String> roles) {
		this.coordinator = coordinator;
		this.calls = calls;
		this.pendingWork = pendingWork;
		this.plan = plan;
		this.showValues = showValues;
		this.roles = Set.copyOf(roles);
	}

	/**
	 * Return everything the endpoint shows.
	 * @param securityContext the caller's security context
	 * @return the descriptor
	 */
	@ReadOperation
	public CleanupDescriptor cleanup(SecurityContext securityContext) {
		boolean showQueryValues = this.showValues.isShown(securityContext, this.roles);
		return new Descriptions(this.coordinator, this.calls).cleanup(this.plan.get(), this.pendingWork.snapshot(),
				showQueryValues);
	}

	/**
	 * Return one participant.
	 * @param name the participant's name
	 * @return the participant, or {@code null} (a 404) if there is none of that name
	 */
	@ReadOperation
	public @Nullable ParticipantDescriptor participant(@Selector String name) {
		if (!ParticipantNames.isSafe(name)) {
			return null;
		}
		Participant participant = this.coordinator.registry().find(name);
		return (participant != null)
				? new Descriptions(this.coordinator, this.calls).participant(participant, this.plan.get()) : null;
	}

	/**
	 * Emergency cleanup: remove lingering timeout tasks and evict idle connections. Never
	 * touches a live call's timeout or a user's scheduled job.
	 * @return what was done
	 */
	@WriteOperation
	public PendingWork.CleanupActionDescriptor cleanupNow() {
		return this.pendingWork.cleanupNow(this.coordinator.registry().participants());
	}

	/**
	 * Everything the endpoint shows.
	 *
	 * @param state the shutdown state: RUNNING, DRAINING, CLOSING, DISPOSING or CLOSED
	 * @param stages the stages in the order they run
	 * @param participants every live participant
	 * @param inFlight the outbound calls in flight, oldest first
	 * @param lingeringTasks timeout tasks that outlived their purpose
	 * @param pendingTimeouts pending timeout tasks, counted per source
	 * @param leakedThreads client threads alive after their pool closed
	 * @param budget the worst-case shutdown against the termination grace period
	 * @param leftOut how many items each capped list left out
	 */
	public record CleanupDescriptor(String state, List<StageDescriptor> stages,
			List<ParticipantDescriptor> participants, List<InFlightCallDescriptor> inFlight,
			List<PendingWork.LingeringTaskDescriptor> lingeringTasks,
			PendingWork.PendingTimeoutsDescriptor pendingTimeouts,
			List<PendingWork.LeakedThreadDescriptor> leakedThreads, BudgetDescriptor budget,
			LeftOutDescriptor leftOut) implements OperationResponseBody {
	}

	/**
	 * One stage.
	 *
	 * @param name the stage name
	 * @param phase its SmartLifecycle phase, or {@code null} for a stage that runs after
	 * the application's own shutdown work
	 * @param runs when it runs: {@value #AT_PHASE} or {@value #AFTER_SHUTDOWN_WORK}
	 * @param timeoutMs its default timeout
	 */
	public record StageDescriptor(String name, @Nullable Integer phase, String runs, long timeoutMs) {

		/**
		 * A stage that runs at its SmartLifecycle phase (the drain).
		 */
		public static final String AT_PHASE = "at-phase";

		/**
		 * A stage that runs once the application's own shutdown work is done (lifecycle
		 * stops and destroy methods), during bean destruction.
		 */
		public static final String AFTER_SHUTDOWN_WORK = "after-shutdown-work";

	}

	/**
	 * One participant.
	 *
	 * @param name the name, safe in a URL path
	 * @param kind the client stack
	 * @param stage the stage it closes in
	 * @param timeout its graceful timeout, ISO-8601
	 * @param state {@code open}, {@code closing} or {@code closed}
	 * @param enabled whether it is closed at all
	 * @param captured whether the starter found it (in a builder, or handed over) rather
	 * than the application naming it as a bean or a registration
	 * @param pool pool figures, where the client has them
	 * @param lastOutcome the outcome of its close
	 * @param lastDurationMs how long its close took
	 * @param lastDetail why its close was not graceful, or a note on it
	 */
	public record ParticipantDescriptor(String name, String kind, String stage, String timeout, String state,
			boolean enabled, boolean captured, @Nullable PoolDescriptor pool, @Nullable String lastOutcome,
			@Nullable Long lastDurationMs, @Nullable String lastDetail) implements OperationResponseBody {
	}

	/**
	 * Pool figures; {@code null} where the client cannot tell.
	 *
	 * @param inUse connections or calls in use
	 * @param idle idle connections
	 * @param pending callers waiting for a connection
	 * @param max the most connections allowed
	 */
	public record PoolDescriptor(@Nullable Integer inUse, @Nullable Integer idle, @Nullable Integer pending,
			@Nullable Integer max) {
	}

	/**
	 * One outbound call in flight.
	 *
	 * @param client the client making it
	 * @param method the HTTP method
	 * @param uri the URI without user-info and fragment, path-parameter values masked,
	 * query values masked unless shown (see {@link UriSanitizer})
	 * @param startedAt when it started
	 * @param elapsedMs how long it has run
	 * @param remainingMs time left to its deadline, where known
	 * @param thread the thread that started it
	 */
	public record InFlightCallDescriptor(String client, String method, String uri, Instant startedAt, long elapsedMs,
			@Nullable Long remainingMs, String thread) {
	}

	/**
	 * The worst-case shutdown.
	 *
	 * @param worstCaseMs the worst case
	 * @param terminationGracePeriodMs the grace period in force, if any
	 * @param withinGracePeriod whether the pre-stop delay and the worst case fit, if a
	 * grace period is in force
	 * @param inboundDrainMs Boot's graceful web server budget
	 * @param drainMs the outbound drain timeout
	 * @param slowestCloseMs the longest close timeout
	 * @param slowestDisposeMs the longest dispose timeout
	 * @param forcedBoundMs the bound of a stage's forced closes
	 * @param arithmetic the sum, spelled out
	 * @param stuckUpstreamMs how long a shutdown takes when no upstream answers: each
	 * call is cut once its allowance is over
	 * @param stuckUpstreamArithmetic that sum, spelled out
	 * @param terminationGracePeriodSource where the grace period comes from:
	 * {@code cleanup.termination-grace-period}, or {@code kubernetes-default} when it is
	 * not set and the application runs on Kubernetes; {@code null} without one
	 * @param preStopDelayMs {@code cleanup.pre-stop-delay}, the time before shutdown that
	 * counts against the grace period
	 */
	public record BudgetDescriptor(long worstCaseMs, @Nullable Long terminationGracePeriodMs,
			@Nullable Boolean withinGracePeriod, long inboundDrainMs, long drainMs, long slowestCloseMs,
			long slowestDisposeMs, long forcedBoundMs, String arithmetic, long stuckUpstreamMs,
			String stuckUpstreamArithmetic, @Nullable String terminationGracePeriodSource, long preStopDelayMs) {
	}

	/**
	 * How many items each capped list left out.
	 *
	 * @param inFlight in-flight calls not listed
	 * @param lingeringTasks lingering tasks not listed
	 * @param leakedThreads leaked threads not listed
	 * @param participants participants not listed
	 */
	public record LeftOutDescriptor(int inFlight, int lingeringTasks, int leakedThreads, int participants) {
	}

}
