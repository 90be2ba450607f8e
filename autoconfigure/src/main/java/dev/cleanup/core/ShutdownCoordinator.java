package dev.cleanup.core;

import dev.cleanup.core.plan.ParticipantPolicy;

import dev.cleanup.core.InFlightSource.CallsAfterDrain;

import dev.cleanup.core.ShutdownReport.DrainResult;

import dev.cleanup.core.ShutdownReport.CutCall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Runs the stages of one application's shutdown against its {@link ParticipantRegistry}:
 * drain, close, dispose, then the report. Each step is safe to call once the previous one
 * returned; none blocks past its budget.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public class ShutdownCoordinator {

	private final ParticipantRegistry registry;

	private final ParticipantPolicy policy;

	private final Duration drainTimeout;

	/**
	 * How often goodbye calls are checked for having used up their allowance.
	 */
	private static final Duration WATCH_INTERVAL = Duration.ofMillis(50);

	private static final Log logger = LogFactory.getLog(ShutdownCoordinator.class);

	/**
	 * What failed and was said so, once each: sources, listeners and censuses, bounded by
	 * how many the application has.
	 */
	private final Set<Object> warned = ConcurrentHashMap.newKeySet();

	private final List<InFlightSource> inFlightSources = new CopyOnWriteArrayList<>();

	private final List<CloseResult> results = Collections.synchronizedList(new ArrayList<>());

	private final List<Consumer<CloseResult>> resultListeners = new CopyOnWriteArrayList<>();

	private volatile ShutdownState state = ShutdownState.RUNNING;

	private volatile @Nullable Instant shutdownStartedAt;

	private volatile long shutdownStartNanos;

	/**
	 * The drain's result, {@code null} until it ran (the report then says it did not).
	 */
	private volatile @Nullable DrainResult drainResult;

	private volatile @Nullable ShutdownReport report;

	/**
	 * Create a coordinator.
	 * @param registry the participants
	 * @param policy decides stage and timeout per participant
	 * @param drainTimeout how long after shutdown starts the drain may wait
	 */
	public ShutdownCoordinator(ParticipantRegistry registry, ParticipantPolicy policy, Duration drainTimeout) {
		this.registry = registry;
		this.policy = policy;
		this.drainTimeout = drainTimeout;
	}

	/**
	 * Add a source of in-flight calls for the drain stage to wait on.
	 * @param source the source
	 */
	public void addInFlightSource(InFlightSource source) {
		this.inFlightSources.add(source);
	}

	/**
	 * Add a listener told of every participant's close result, for example to record
	 * meters. Errors it throws are contained.
	 * @param listener the listener
	 */
	public void addResultListener(Consumer<CloseResult> listener) {
		this.resultListeners.add(listener);
	}

	/**
	 * Record that shutdown started. Only the first call counts.
	 * @return {@code true} if this call started it
	 */
	public synchronized boolean startShutdown() {
		if (this.shutdownStartedAt != null) {
			return false;
		}
		this.shutdownStartNanos = System.nanoTime();
		this.shutdownStartedAt = Instant.now();
		return true;
	}

	/**
	 * Whether shutdown has started.
	 * @return {@code true} once {@link #startShutdown()} was called
	 */
	public boolean isShuttingDown() {
		return this.shutdownStartedAt != null;
	}

	/**
	 * Wait until no call is in flight and no participant reports a connection in use, or
	 * until the drain timeout, counted from the start of shutdown, has passed.
	 * @return how the drain ended
	 */
	public DrainResult drain() {
		startShutdown();
		this.state = ShutdownState.DRAINING;
		long start = System.nanoTime();
		Deadline deadline = Deadline.at(this.shutdownStartNanos, this.drainTimeout);
		boolean drained;
		try {
			drained = deadline.await(this::isIdle);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			drained = isIdle();
		}
		// a call whose allowance passed is cut now, not waited for again: named in the
		// report, whatever ends it later (its pool's close, or Spring's own stop of a
		// resource it runs on)
		cutOverdueCalls();
		// drained only if every call ended, not if the rest used up their allowance
		int left = inFlightCount();
		int busy = busyParticipants();
		long end = System.nanoTime();
		DrainResult result = new DrainResult(Duration.ofNanos(end - start), drained && left == 0 && busy == 0, left,
				busy);
		this.drainResult = result;
		for (InFlightSource source : this.inFlightSources) {
			source.drainEnded(end);
		}
		watchCallsAfterDrain();
		return result;
	}

	/**
	 * Until the report is written, force the pool of any goodbye call (one that started
	 * after the drain) that used up its allowance: such a call may block the thread that
	 * closes the context (a destroy method), which no stage could then reach.
	 */
	private void watchCallsAfterDrain() {
		Thread watch = new Thread(() -> {
			try {
				while (this.report == null) {
					forceOverdueCallsAfterDrain();
					Thread.sleep(WATCH_INTERVAL.toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "cleanup-watch");
		watch.setDaemon(true);
		watch.start();
	}

	private void forceOverdueCallsAfterDrain() {
		long now = System.nanoTime();
		for (Participant participant : this.registry.participants()) {
			if (!participant.isClosing() && participant.inFlight()
				.overdueAfterDrain(allowanceFor(this.policy.settingsFor(participant)), now) > 0) {
				closeNow(participant.name());
			}
		}
	}

	/**
	 * Close the participants of a stage. In {@link Stage#DISPOSE}, participants of
	 * earlier stages that were registered too late for their own stage are closed as
	 * well.
	 * @param stage {@link Stage#CLOSE} or {@link Stage#DISPOSE}
	 * @return the results of this stage
	 */
	public List<CloseResult> close(Stage stage) {
		if (!stage.closesParticipants()) {
			throw new IllegalArgumentException("Stage '" + stage.configName() + "' closes nothing");
		}
		startShutdown();
		this.state = (stage == Stage.CLOSE) ? ShutdownState.CLOSING : ShutdownState.DISPOSING;
		List<Participant> participants = new ArrayList<>();
		for (Participant participant : this.registry.participants()) {
			if (belongsTo(this.policy.settingsFor(participant).stage(), stage)) {
				participants.add(participant);
			}
		}
		return close(stage, participants);
	}

	/**
	 * Close one participant now, in its own stage, with that stage's rules (graceful
	 * within the allowance of its calls, then forced), if a shutdown is under way and it
	 * is not closing yet: for a pool owned by a bean, which closes when Spring destroys
	 * that bean, no later than the bean's own destroy callback.
	 * @param name the participant's name
	 * @return the result, empty if nothing was closed
	 */
	public List<CloseResult> closeNow(String name) {
		Participant participant = this.registry.find(name);
		if (!isShuttingDown() || participant == null || participant.isClosing()) {
			return List.of();
		}
		if (this.state.compareTo(ShutdownState.CLOSING) < 0) {
			this.state = ShutdownState.CLOSING;
		}
		return close(this.policy.settingsFor(participant).stage(), List.of(participant));
	}

	private List<CloseResult> close(Stage stage, List<Participant> participants) {
		List<StageRunner.Closing> closings = new ArrayList<>();
		List<CloseResult> stageResults = new ArrayList<>();
		for (Participant participant : participants) {
			ParticipantPolicy.Settings settings = this.policy.settingsFor(participant);
			if (participant.isClosing()) {
				continue;
			}
			if (settings.enabled()) {
				closings.add(new StageRunner.Closing(participant, settings.timeout(), allowanceFor(settings)));
			}
			else if (participant.markCloseStarted()) {
				CloseResult skipped = CloseResult.skipped(participant, stage, "disabled by configuration");
				participant.recordResult(skipped);
				stageResults.add(skipped);
			}
		}
		stageResults.addAll(new StageRunner().close(stage, closings));
		stageResults.forEach(this::record);
		return stageResults;
	}

	/**
	 * Return the allowance of the calls on a participant: a call in flight at the start
	 * of shutdown has the drain timeout from then, or the participant's own timeout if
	 * longer (a {@code resources.<name>.timeout} says how long its calls may take); a
	 * call that started later has the participant's timeout from its own start.
	 */
	private CallAllowance allowanceFor(ParticipantPolicy.Settings settings) {
		Duration atShutdown = (settings.ownTimeout() && settings.timeout().compareTo(this.drainTimeout) > 0)
				? settings.timeout() : this.drainTimeout;
		return new CallAllowance(this.shutdownStartNanos, atShutdown, settings.timeout());
	}

	/**
	 * Return the allowance of calls the drain waits for: those of clients with no
	 * participant get the close stage's timeout once shutdown started.
	 */
	private CallAllowance drainAllowance() {
		return new CallAllowance(this.shutdownStartNanos, this.drainTimeout, this.policy.stageTimeout(Stage.CLOSE));
	}

	private void record(CloseResult result) {
		this.results.add(result);
		for (Consumer<CloseResult> listener : this.resultListeners) {
			try {
				listener.accept(result);
			}
			catch (RuntimeException ex) {
				// A broken listener must not stop the shutdown
				warnOnce(listener, "A listener of close results failed", ex);
			}
		}
	}

	private static boolean belongsTo(Stage participantStage, Stage running) {
		return participantStage == running || participantStage.ordinal() < running.ordinal();
	}

	/**
	 * Finish the shutdown with nothing left behind to report.
	 * @return the report
	 * @see #finish(Supplier)
	 */
	public ShutdownReport finish() {
		return finishWith(null);
	}

	/**
	 * Finish the shutdown: note participants registered after their stage ran, move to
	 * {@link ShutdownState#CLOSED} and return the report, with what was left behind.
	 * Later calls return the same report.
	 * @param leftovers tells what was left behind once every participant is closed;
	 * errors are contained
	 * @return the report
	 */
	public ShutdownReport finish(Supplier<ShutdownReport.Leftovers> leftovers) {
		return finishWith(leftovers);
	}

	private synchronized ShutdownReport finishWith(@Nullable Supplier<ShutdownReport.Leftovers> leftovers) {
		ShutdownReport existing = this.report;
		if (existing != null) {
			return existing;
		}
		startShutdown();
		for (Participant participant : this.registry.participants()) {
			if (participant.markCloseStarted()) {
				CloseResult late = CloseResult.skipped(participant, this.policy.settingsFor(participant).stage(),
						"registered after its stage ran");
				participant.recordResult(late);
				record(late);
			}
		}
		this.state = ShutdownState.CLOSED;
		List<CutCall> cutCalls = new ArrayList<>();
		for (InFlightSource source : this.inFlightSources) {
			try {
				cutCalls.addAll(source.cutCalls());
			}
			catch (RuntimeException ex) {
				// A broken source must not stop the report
				warnOnce(source, "Reading the cut calls of " + source + " for the report failed", ex);
			}
		}
		ShutdownReport.Leftovers left;
		try {
			left = (leftovers != null) ? leftovers.get() : ShutdownReport.Leftovers.NONE;
		}
		catch (RuntimeException ex) {
			// A broken census must not stop the report
			warnOnce(leftovers, "Counting lingering tasks and client threads for the report failed", ex);
			left = ShutdownReport.Leftovers.NONE;
		}
		CallsAfterDrain afterDrain = CallsAfterDrain.NONE;
		int untracked = 0;
		for (InFlightSource source : this.inFlightSources) {
			afterDrain = afterDrain.plus(source.callsAfterDrain());
			untracked += source.untrackedCalls();
		}
		DrainResult drainResult = this.drainResult;
		ShutdownReport report = new ShutdownReport(Duration.ofNanos(System.nanoTime() - this.shutdownStartNanos),
				(drainResult != null) ? drainResult : DrainResult.NOT_RUN, List.copyOf(this.results),
				List.copyOf(cutCalls), left, afterDrain, untracked);
		this.report = report;
		return report;
	}

	/**
	 * Whether pools may be closing: from the close stage on.
	 * @return {@code true} once the close stage has started
	 */
	public boolean isClosingPools() {
		return this.state.compareTo(ShutdownState.CLOSING) >= 0;
	}

	/**
	 * Return the current state.
	 * @return the state
	 */
	public ShutdownState state() {
		return this.state;
	}

	/**
	 * Return when shutdown started.
	 * @return the instant or {@code null} while running
	 */
	public @Nullable Instant shutdownStartedAt() {
		return this.shutdownStartedAt;
	}

	/**
	 * Return the report, once written.
	 * @return the report or {@code null}
	 */
	public @Nullable ShutdownReport report() {
		return this.report;
	}

	/**
	 * Return the registry.
	 * @return the registry
	 */
	public ParticipantRegistry registry() {
		return this.registry;
	}

	/**
	 * Whether nothing is left worth waiting for: no tracked call with allowance left, and
	 * no pool busy beyond calls that used theirs up.
	 */
	private boolean isIdle() {
		long now = System.nanoTime();
		CallAllowance allowance = drainAllowance();
		for (InFlightSource source : this.inFlightSources) {
			try {
				if (source.inFlightWithAllowance(allowance, now) > 0) {
					return false;
				}
			}
			catch (RuntimeException ex) {
				// A broken source must not stop the drain: it is not waited for, and says
				// so
				warnOnce(source,
						"Counting the calls in flight of " + source + " failed: the drain does not wait for them", ex);
			}
		}
		for (Participant participant : this.registry.participants()) {
			if (!participant.isClosing()
					&& participant.isBusy(allowanceFor(this.policy.settingsFor(participant)), now)) {
				return false;
			}
		}
		return true;
	}

	private void cutOverdueCalls() {
		long now = System.nanoTime();
		for (Participant participant : this.registry.participants()) {
			if (!participant.isClosing()) {
				participant.inFlight().cutOverdue(allowanceFor(this.policy.settingsFor(participant)), now);
			}
		}
	}

	private int inFlightCount() {
		int count = 0;
		for (InFlightSource source : this.inFlightSources) {
			try {
				count += Math.max(0, source.inFlightCount());
			}
			catch (RuntimeException ex) {
				// A broken source must not stop the drain: it is not waited for, and says
				// so
				warnOnce(source,
						"Counting the calls in flight of " + source + " failed: the drain does not wait for them", ex);
			}
		}
		return count;
	}

	private int busyParticipants() {
		int busy = 0;
		for (Participant participant : this.registry.participants()) {
			if (!participant.isClosing() && participant.usage().isBusy()) {
				busy++;
			}
		}
		return busy;
	}

	private void warnOnce(Object what, String message, RuntimeException ex) {
		if (this.warned.add(what)) {
			logger.warn(message + ": " + ex);
		}
	}

	/**
	 * Where the application's cleanup is.
	 *
	 * @author cleanup contributors
	 * @since 0.1.0
	 */
	public enum ShutdownState {

		/**
		 * The application runs; nothing is being closed.
		 */
		RUNNING,

		/**
		 * Shutdown started; waiting for in-flight calls.
		 */
		DRAINING,

		/**
		 * Closing client pools.
		 */
		CLOSING,

		/**
		 * Disposing shared event loops and thread pools.
		 */
		DISPOSING,

		/**
		 * Everything was closed and the report written.
		 */
		CLOSED

	}

}
