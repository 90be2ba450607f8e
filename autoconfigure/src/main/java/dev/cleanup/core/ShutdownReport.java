package dev.cleanup.core;

import java.time.Duration;
import java.util.List;

/**
 * What happened during one shutdown: the drain and every participant's outcome.
 *
 * @param duration time from the start of shutdown to the report
 * @param drain how the drain ended
 * @param results every participant's result, in the order they were closed
 * @param cutCalls the outbound calls shutdown cut
 * @author cleanup contributors
 * @since 0.1.0
 */
public record ShutdownReport(Duration duration, DrainResult drain, List<CloseResult> results, List<CutCall> cutCalls) {

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
		text.append(System.lineSeparator()).append("  cut      ").append(this.cutCalls.size()).append(" call(s)");
		for (CutCall call : this.cutCalls) {
			text.append(System.lineSeparator()).append("    ").append(call.describe());
		}
		return text.toString();
	}

	private String describeDrain() {
		if (this.drain == DrainResult.NOT_RUN) {
			return "did not run";
		}
		String waited = "waited " + this.drain.waited().toMillis() + " ms";
		if (this.drain.drained()) {
			return waited + ", nothing left in flight";
		}
		return waited + ", timed out with " + this.drain.inFlightLeft() + " call(s) in flight and "
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

}
