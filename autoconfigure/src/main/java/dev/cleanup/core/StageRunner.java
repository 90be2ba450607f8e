package dev.cleanup.core;

import dev.cleanup.core.plan.ShutdownBudget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Closes the participants of one stage in parallel, each on a daemon thread of its own
 * and under its own deadline: graceful first (wait until nothing of the participant is in
 * use, then close), forced when the timeout passes. The wait is the engine's, written
 * once here: a {@link Teardown} only says how much of its pool is in use and how to close
 * it. A close that hangs is abandoned, so the stage ends within its slowest participant's
 * timeout plus {@link ShutdownBudget#ShutdownBudget.FORCE_TIMEOUT}.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
final class StageRunner {

	private static final Log logger = LogFactory.getLog(StageRunner.class);

	private static final AtomicInteger threadCount = new AtomicInteger();

	/**
	 * Close the given participants, each with its own graceful timeout.
	 * @param stage the stage being run
	 * @param closings the participants and their timeouts
	 * @return one result per participant, in the order given
	 */
	public List<CloseResult> close(Stage stage, List<Closing> closings) {
		if (closings.isEmpty()) {
			return List.of();
		}
		List<Attempt> attempts = new ArrayList<>(closings.size());
		for (Closing closing : closings) {
			attempts.add(new Attempt(stage, closing));
		}
		List<Attempt> byDeadline = new ArrayList<>(attempts);
		byDeadline.sort(Comparator.comparing((attempt) -> attempt.closing.timeout()));
		for (Attempt attempt : byDeadline) {
			attempt.awaitGraceful();
		}
		List<CloseResult> results = new ArrayList<>(attempts.size());
		for (Attempt attempt : attempts) {
			CloseResult result = attempt.awaitResult();
			attempt.closing.participant().recordResult(result);
			results.add(result);
		}
		return results;
	}

	private static String threadName(Stage stage) {
		return "cleanup-" + stage.configName() + "-" + threadCount.incrementAndGet();
	}

	/**
	 * A participant to close, with its graceful timeout and the allowance of its calls.
	 *
	 * @param participant the participant
	 * @param timeout the graceful timeout
	 * @param allowance the allowance of each of its calls, or {@code null} if its calls
	 * may take the whole graceful timeout
	 */
	public record Closing(Participant participant, Duration timeout, @Nullable CallAllowance allowance) {

		/**
		 * A participant whose calls may take its whole graceful timeout.
		 * @param participant the participant
		 * @param timeout the graceful timeout
		 */
		public Closing(Participant participant, Duration timeout) {
			this(participant, timeout, null);
		}

	}

	private static final class Attempt {

		private final Stage stage;

		private final Closing closing;

		private final long startNanos = System.nanoTime();

		private final Deadline deadline;

		private final Deadline waitDeadline;

		private @Nullable Teardown teardown;

		private @Nullable DaemonTask<Boolean> graceful;

		private volatile @Nullable DaemonTask<Boolean> forced;

		private volatile @Nullable Deadline forcedDeadline;

		private @Nullable CloseResult result;

		private @Nullable String reason;

		private volatile @Nullable String overdue;

		private @Nullable Throwable failure;

		Attempt(Stage stage, Closing closing) {
			this.stage = stage;
			this.closing = closing;
			this.deadline = Deadline.at(this.startNanos, closing.timeout());
			this.waitDeadline = Deadline.at(this.startNanos, closing.timeout().plus(ShutdownBudget.RETURN_MARGIN));
			Participant participant = closing.participant();
			if (!participant.markCloseStarted()) {
				this.result = CloseResult.skipped(participant, stage, "already closed");
				return;
			}
			Teardown teardown = participant.teardown();
			if (teardown == null) {
				this.result = CloseResult.skipped(participant, stage, "garbage collected before shutdown");
				return;
			}
			this.teardown = teardown;
			// a call of this pool that fails from now on fails because the starter closes
			// it
			participant.inFlight().poolClosing();
			this.graceful = DaemonTask.start(threadName(stage), () -> closeGracefully(participant, teardown));
		}

		/**
		 * The graceful close: wait until nothing of the participant is in use, then let
		 * its teardown close it. When every call still in flight on it has used up its
		 * allowance, and the pool shows no more in use than those calls, stop waiting:
		 * the calls are cut and the participant is forced at once.
		 */
		private boolean closeGracefully(Participant participant, Teardown teardown) throws Exception {
			CallAllowance allowance = this.closing.allowance();
			boolean idle = this.deadline.await(() -> participant.isIdle(teardown)
					|| (allowance != null && participant.isOverdue(teardown, allowance, System.nanoTime())));
			if (!idle) {
				return false;
			}
			if (!participant.isIdle(teardown) && allowance != null) {
				int cut = participant.inFlight().cutOverdue(allowance, System.nanoTime());
				this.overdue = cut + " call(s) still in flight after their allowance passed: cut";
				// force now, not once the stage gets round to this participant
				startForcedClose();
				return false;
			}
			return teardown.closeGracefully(this.deadline);
		}

		void awaitGraceful() {
			if (this.result != null || this.graceful == null) {
				return;
			}
			try {
				boolean closed = this.graceful.get(this.waitDeadline.remaining().toNanos());
				if (!closed && this.overdue != null) {
					this.reason = this.overdue;
					startForcedClose();
					return;
				}
				if (closed) {
					RuntimeException figures = this.closing.participant().figureFailure();
					this.result = (figures != null)
							? result(Outcome.UNVERIFIED, "reading whether it was in use failed: " + describe(figures))
							: seen() ? result(Outcome.GRACEFUL, note())
									: result(Outcome.UNVERIFIED,
											"nothing showed whether it was in use: it has no figures and none of its "
													+ "calls are tracked");
					return;
				}
				this.reason = "still in use when its timeout of " + format(this.closing.timeout()) + " passed";
			}
			catch (TimeoutException ex) {
				this.graceful.interrupt();
				this.reason = "graceful close did not finish within " + format(this.closing.timeout());
			}
			catch (ExecutionException ex) {
				this.failure = (ex.getCause() != null) ? ex.getCause() : ex;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.graceful.interrupt();
				this.reason = "interrupted while waiting for the graceful close";
			}
			startForcedClose();
		}

		private synchronized void startForcedClose() {
			Teardown teardown = this.teardown;
			if (teardown != null && this.forced == null) {
				this.forcedDeadline = Deadline.after(ShutdownBudget.FORCE_TIMEOUT);
				this.forced = DaemonTask.start(threadName(this.stage), teardown::closeForcibly);
			}
		}

		CloseResult awaitResult() {
			if (this.result != null) {
				return this.result;
			}
			DaemonTask<Boolean> forced = this.forced;
			Deadline forcedDeadline = this.forcedDeadline;
			if (forced == null || forcedDeadline == null) {
				return result(Outcome.TIMED_OUT, this.reason);
			}
			try {
				boolean didForce = forced.get(forcedDeadline.remaining().toNanos());
				if (this.failure != null) {
					return result(Outcome.FAILED, describe(this.failure));
				}
				return didForce ? result(Outcome.FORCED, this.reason)
						: result(Outcome.TIMED_OUT, this.reason + "; it cannot be forced");
			}
			catch (TimeoutException ex) {
				forced.interrupt();
				return (this.failure != null) ? result(Outcome.FAILED, describe(this.failure))
						: result(Outcome.TIMED_OUT, this.reason + "; forced close did not finish within "
								+ format(ShutdownBudget.FORCE_TIMEOUT) + " and was abandoned");
			}
			catch (ExecutionException ex) {
				Throwable cause = (this.failure != null) ? this.failure : ex.getCause();
				return result(Outcome.FAILED, describe((cause != null) ? cause : ex));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return result(Outcome.TIMED_OUT, this.reason + "; interrupted while forcing");
			}
		}

		private boolean seen() {
			Teardown teardown = this.teardown;
			return teardown != null && this.closing.participant().canSeeUse(teardown);
		}

		private @Nullable String note() {
			try {
				return (this.teardown != null) ? this.teardown.closeNote() : null;
			}
			catch (RuntimeException ex) {
				// the outcome stands; only the detail of the report's line is lost
				logger.warn("Describing the close of participant '" + this.closing.participant().name() + "' failed: "
						+ ex);
				return null;
			}
		}

		private CloseResult result(Outcome outcome, @Nullable String detail) {
			Participant participant = this.closing.participant();
			Duration duration = Duration.ofNanos(System.nanoTime() - this.startNanos);
			return new CloseResult(participant.name(), participant.kind(), this.stage, outcome, duration, detail);
		}

		private static String describe(Throwable failure) {
			return failure.getClass().getName() + ((failure.getMessage() != null) ? ": " + failure.getMessage() : "");
		}

		private static String format(Duration duration) {
			return duration.toMillis() + " ms";
		}

	}

}
