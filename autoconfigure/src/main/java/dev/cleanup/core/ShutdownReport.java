package dev.cleanup.core;

import dev.cleanup.core.InFlightSource.CallsAfterDrain;

import java.time.Duration;
import java.util.List;

/**
 * What happened during one shutdown: the drain, every participant's outcome, the calls
 * shutdown cut, and what was left behind.
 *
 * @param duration time from the start of shutdown to the report
 * @param drain how the drain ended
 * @param results every participant's result, in the order they were closed
 * @param cutCalls the outbound calls shutdown cut
 * @param leftovers timeout tasks and client threads still there when the report was
 * written
 * @param afterDrain the calls that started after the drain (goodbye calls of the
 * application's own shutdown work), and how many were cut
 * @param untrackedCalls how many calls went ahead untracked because the starter could not
 * track them
 * @author cleanup contributors
 * @since 0.1.0
 */
public record ShutdownReport(Duration duration, DrainResult drain, List<CloseResult> results, List<CutCall> cutCalls,
		Leftovers leftovers, CallsAfterDrain afterDrain, int untrackedCalls) {

	/**
	 * Create a report with no call after the drain.
	 * @param duration time from the start of shutdown to the report
	 * @param drain how the drain ended
	 * @param results the close results
	 * @param cutCalls the calls shutdown cut
	 * @param leftovers what was left behind
	 */
	public ShutdownReport(Duration duration, DrainResult drain, List<CloseResult> results, List<CutCall> cutCalls,
			Leftovers leftovers) {
		this(duration, drain, results, cutCalls, leftovers, CallsAfterDrain.NONE, 0);
	}

	/**
	 * Create a report with nothing left behind.
	 * @param duration time from the start of shutdown to the report
	 * @param drain how the drain ended
	 * @param results every participant's result
	 * @param cutCalls the outbound calls shutdown cut
	 */
	public ShutdownReport(Duration duration, DrainResult drain, List<CloseResult> results, List<CutCall> cutCalls) {
		this(duration, drain, results, cutCalls, Leftovers.NONE);
	}

	/**
	 * Return the results that were not graceful or skipped.
	 * @return the results that deserve a warning
	 */
	public List<CloseResult> warnings() {
		return this.results.stream().filter((result) -> result.outcome().isWarning()).toList();
	}

	/**
	 * Return the report as a block of text, one line per participant.
	 * @return the text
	 */
	public String format() {
		StringBuilder text = new StringBuilder();
		text.append("Cleanup shutdown report (").append(this.duration.toMillis()).append(" ms since shutdown started)");
		text.append(System.lineSeparator()).append("  drain    ").append(describeDrain());
		if (this.afterDrain.started() > 0) {
			text.append(System.lineSeparator())
				.append("  after    drain: ")
				.append(this.afterDrain.started())
				.append(" call(s), ")
				.append(this.afterDrain.cut())
				.append(" cut (the application's own shutdown work)");
		}
		int nameWidth = this.results.stream().mapToInt((result) -> result.name().length()).max().orElse(0);
		for (CloseResult result : this.results) {
			text.append(System.lineSeparator())
				.append(String.format("  %-8s %-" + nameWidth + "s  %-18s %-9s %6d ms", result.stage().configName(),
						result.name(), result.kind().displayName(), result.outcome().displayName(),
						result.duration().toMillis()));
			if (result.detail() != null) {
				text.append("  (").append(result.detail()).append(')');
			}
		}
		if (this.results.isEmpty()) {
			text.append(System.lineSeparator()).append("  (no participants)");
		}
		if (this.untrackedCalls > 0) {
			text.append(System.lineSeparator())
				.append("  untracked ")
				.append(this.untrackedCalls)
				.append(" call(s) the starter could not track went ahead untracked: not waited for, not counted here");
		}
		text.append(System.lineSeparator()).append("  cut      ").append(this.cutCalls.size()).append(" call(s)");
		for (CutCall call : this.cutCalls) {
			text.append(System.lineSeparator()).append("    ").append(call.describe());
		}
		this.leftovers.appendTo(text);
		return text.toString();
	}

	private String describeDrain() {
		if (this.drain == DrainResult.NOT_RUN) {
			return "did not run";
		}
		String waited = "waited " + this.drain.waited().toMillis() + " ms";
		if (this.drain.drained()) {
			return waited + ", no tracked call in flight";
		}
		return waited + ", timed out with " + this.drain.inFlightLeft() + " tracked call(s) in flight and "
				+ this.drain.busyParticipants() + " busy pool(s)";
	}

	/**
	 * Return one warning line for a result.
	 * @param result the result
	 * @return the line
	 */
	public static String warningLine(CloseResult result) {
		return "Participant '" + result.name() + "' (" + result.kind().displayName() + ") in stage "
				+ result.stage().configName() + ": " + result.outcome().displayName() + " after "
				+ result.duration().toMillis() + " ms" + ((result.detail() != null) ? ": " + result.detail() : "");
	}

	/**
	 * Timeout tasks and client threads still there when the report was written: once
	 * shutdown started, every queued timeout task lingers, and a client thread alive
	 * after its pool closed is leaked. Lists are bounded; what they leave out is counted.
	 *
	 * @param lingeringTasks how many timeout tasks linger
	 * @param listedTasks some of them, described
	 * @param leakedThreads client threads alive after their pool closed, described
	 * @param leakedThreadsLeftOut how many more were found but not listed
	 */
	public record Leftovers(long lingeringTasks, List<String> listedTasks, List<String> leakedThreads,
			int leakedThreadsLeftOut) {

		/**
		 * Nothing left behind.
		 */
		public static final Leftovers NONE = new Leftovers(0, List.of(), List.of(), 0);

		public Leftovers {
			listedTasks = List.copyOf(listedTasks);
			leakedThreads = List.copyOf(leakedThreads);
		}

		/**
		 * Whether anything was left behind.
		 * @return {@code true} if a task lingers or a thread leaked
		 */
		public boolean any() {
			return this.lingeringTasks > 0 || !this.leakedThreads.isEmpty() || this.leakedThreadsLeftOut > 0;
		}

		void appendTo(StringBuilder text) {
			if (this.lingeringTasks > 0) {
				text.append(System.lineSeparator())
					.append("  lingering ")
					.append(this.lingeringTasks)
					.append(" timeout task(s)");
				this.listedTasks.forEach((task) -> text.append(System.lineSeparator()).append("    ").append(task));
				long more = this.lingeringTasks - this.listedTasks.size();
				if (more > 0) {
					text.append(System.lineSeparator()).append("    (").append(more).append(" more not listed)");
				}
			}
			int leaked = this.leakedThreads.size() + this.leakedThreadsLeftOut;
			if (leaked > 0) {
				text.append(System.lineSeparator())
					.append("  threads  ")
					.append(leaked)
					.append(" client thread(s) alive after their pool closed");
				this.leakedThreads
					.forEach((thread) -> text.append(System.lineSeparator()).append("    ").append(thread));
				if (this.leakedThreadsLeftOut > 0) {
					text.append(System.lineSeparator())
						.append("    (")
						.append(this.leakedThreadsLeftOut)
						.append(" more not listed)");
				}
			}
		}

	}

	/**
	 * An outbound call that shutdown cut: it failed after its pool started closing, or
	 * was still in flight when shutdown ended.
	 *
	 * @param client the client that made it
	 * @param method the HTTP method
	 * @param uri the URI, already sanitized
	 * @param elapsed how long it had run
	 * @param reason how it was cut
	 * @author cleanup contributors
	 * @since 0.1.0
	 */
	public record CutCall(String client, String method, String uri, Duration elapsed, String reason) {

		/**
		 * Return the call as one line of the shutdown report.
		 * @return the line
		 */
		public String describe() {
			return this.client + " " + this.method + " " + this.uri + " after " + this.elapsed.toMillis() + " ms: "
					+ this.reason;
		}

	}

	/**
	 * How the drain stage ended.
	 *
	 * @param waited how long the stage waited
	 * @param drained whether nothing was in flight when it ended
	 * @param inFlightLeft calls still in flight when it ended
	 * @param busyParticipants participants still reporting connections in use
	 * @author cleanup contributors
	 * @since 0.1.0
	 */
	public record DrainResult(Duration waited, boolean drained, int inFlightLeft, int busyParticipants) {

		/**
		 * The result when the drain stage did not run.
		 */
		public static final DrainResult NOT_RUN = new DrainResult(Duration.ZERO, true, 0, 0);

	}

}
