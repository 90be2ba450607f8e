package dev.cleanup.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How closing one participant ended.
 *
 * @param name the participant's name
 * @param kind the participant's kind
 * @param stage the stage it closed in
 * @param outcome the outcome
 * @param duration how long closing took, forced close included
 * @param detail why it was not graceful, or a note on how it closed, or {@code null}
 * @author cleanup contributors
 * @since 0.1.0
 */
public record CloseResult(String name, Kind kind, Stage stage, Outcome outcome, Duration duration,
		@Nullable String detail) {

	static CloseResult skipped(Participant participant, Stage stage, String detail) {
		return new CloseResult(participant.name(), participant.kind(), stage, Outcome.SKIPPED, Duration.ZERO, detail);
	}

}
