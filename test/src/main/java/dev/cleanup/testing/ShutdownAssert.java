package dev.cleanup.testing;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.ShutdownReport;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one shutdown, in the words of the shutdown report: calls cut,
 * participants {@code forced}, {@code timed-out}, {@code failed} or {@code unverified},
 * lingering timeout tasks, client threads of the context's pools still alive after their
 * pool closed, and the time it took. A failure names what the report names (the
 * participant, the call with its sanitized URI and elapsed time, the thread) and says
 * what to change. Obtained from {@link ShutdownAssertions#assertThatShutdownOf}.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public class ShutdownAssert extends AbstractAssert<ShutdownAssert, ShutdownReport> {

	private static final String NL = System.lineSeparator();

	private final Duration took;

	ShutdownAssert(ShutdownReport report, Duration took) {
		super(report, ShutdownAssert.class);
		this.took = took;
	}

	/**
	 * Verify that the shutdown cut no outbound call: every call in flight ended within
	 * its allowance, and none failed because its pool closed.
	 * @return this
	 */
	public ShutdownAssert cutNoCalls() {
		List<ShutdownReport.CutCall> cut = this.actual.cutCalls();
		if (!cut.isEmpty()) {
			failWithMessage("%s", "Expected the shutdown to cut no outbound call, but it cut " + cut.size() + ":" + NL
					+ lines(cut, ShutdownReport.CutCall::describe) + "Each call in flight at shutdown may take "
					+ "cleanup.drain.timeout, a call that starts later its pool's stage timeout "
					+ "(cleanup.close.timeout, or cleanup.resources.<name>.timeout for one client): raise it, or end "
					+ "the calls before the context closes");
		}
		return this;
	}

	/**
	 * Verify that no participant was closed by force because it was still in use when its
	 * timeout passed.
	 * @return this
	 */
	public ShutdownAssert forcedNothing() {
		return noOutcome(Outcome.FORCED, "was closed by force",
				"Its pool was still in use when its timeout passed: "
						+ "raise cleanup.close.timeout (cleanup.dispose.timeout for event loops), or "
						+ "cleanup.resources.<name>.timeout for that participant, or end its calls sooner");
	}

	/**
	 * Verify that no close hung past its timeout and its forced bound.
	 * @return this
	 */
	public ShutdownAssert timedOutNothing() {
		return noOutcome(Outcome.TIMED_OUT, "timed out",
				"Its close did not return within its timeout and the forced "
						+ "bound: a custom Teardown should return from closeGracefully by its deadline and make "
						+ "closeForcibly return promptly");
	}

	/**
	 * Verify that no close threw.
	 * @return this
	 */
	public ShutdownAssert failedNothing() {
		return noOutcome(Outcome.FAILED, "failed", "Its close threw: the report's detail names the exception");
	}

	/**
	 * Verify that every pool closed where the starter could see its use: none ended
	 * {@code unverified}.
	 * @return this
	 */
	public ShutdownAssert verifiedEveryClose() {
		return noOutcome(Outcome.UNVERIFIED, "closed unverified", "The starter could not see whether its pool was "
				+ "in use: hand the client over with CleanupClients.adopt or CleanupWebClients.adopt, or register "
				+ "it with a Teardown whose usage() reports what is in use");
	}

	/**
	 * Verify that no timeout task outlived the shutdown in a timer or scheduler.
	 * @return this
	 */
	public ShutdownAssert leftNoLingeringTasks() {
		ShutdownReport.Leftovers leftovers = this.actual.leftovers();
		if (leftovers.lingeringTasks() > 0) {
			long more = leftovers.lingeringTasks() - leftovers.listedTasks().size();
			failWithMessage("%s", "Expected no timeout task to linger after the shutdown, but "
					+ leftovers.lingeringTasks() + " did:" + NL + lines(leftovers.listedTasks(), Function.identity())
					+ ((more > 0) ? "  and " + more + " more" + NL : "") + "Cancel a timeout once its work has ended "
					+ "(Mono.timeout does, a task scheduled by hand needs its future cancelled), or shut down the "
					+ "scheduler that holds it with its bean");
		}
		return this;
	}

	/**
	 * Verify that no client thread of this context's pools was still alive once its pool
	 * had closed (threads of other contexts and of the JVM are not looked at).
	 * @return this
	 */
	public ShutdownAssert leftNoThreads() {
		ShutdownReport.Leftovers leftovers = this.actual.leftovers();
		if (!leftovers.leakedThreads().isEmpty() || leftovers.leakedThreadsLeftOut() > 0) {
			int count = leftovers.leakedThreads().size() + leftovers.leakedThreadsLeftOut();
			failWithMessage("%s", "Expected no client thread to outlive its pool, but " + count + " did:" + NL
					+ lines(leftovers.leakedThreads(), Function.identity()) + "A client built by hand keeps threads "
					+ "of its own: make it a bean with a destroy method, or hand it over with "
					+ "CleanupClients.adopt or CleanupWebClients.adopt so that the shutdown closes it");
		}
		return this;
	}

	/**
	 * Verify that the shutdown took at most the given time: the context's whole close
	 * where the assertion closed it, else the time from the start of shutdown to the
	 * report.
	 * @param bound the most it may take
	 * @return this
	 */
	public ShutdownAssert tookAtMost(Duration bound) {
		if (this.took.compareTo(bound) > 0) {
			failWithMessage("%s", "Expected the shutdown to take at most " + bound.toMillis() + " ms, but it took "
					+ this.took.toMillis() + " ms" + NL + "The report:" + NL + this.actual.format() + NL
					+ "The drain waits at most cleanup.drain.timeout for calls in flight, each pool at most its "
					+ "stage's timeout: lower them, or end calls sooner");
		}
		return this;
	}

	/**
	 * Verify the whole shutdown was clean: no call cut, every close graceful or skipped
	 * (none forced, timed out, failed or unverified), no lingering task, no thread left.
	 * @return this
	 */
	public ShutdownAssert isClean() {
		return cutNoCalls().forcedNothing()
			.timedOutNothing()
			.failedNothing()
			.verifiedEveryClose()
			.leftNoLingeringTasks()
			.leftNoThreads();
	}

	/**
	 * Return how long the shutdown took, as {@link #tookAtMost} judges it.
	 * @return the time
	 */
	public Duration took() {
		return this.took;
	}

	private ShutdownAssert noOutcome(Outcome outcome, String what, String advice) {
		List<CloseResult> results = this.actual.results()
			.stream()
			.filter((result) -> result.outcome() == outcome)
			.toList();
		if (!results.isEmpty()) {
			failWithMessage("%s", "Expected no participant that " + what + ", but " + results.size() + " did:" + NL
					+ lines(results, ShutdownReport::warningLine) + advice);
		}
		return this;
	}

	private static <T> String lines(List<T> items, Function<T, String> line) {
		StringBuilder text = new StringBuilder();
		for (T item : items) {
			text.append("  ").append(line.apply(item)).append(NL);
		}
		return text.toString();
	}

}
