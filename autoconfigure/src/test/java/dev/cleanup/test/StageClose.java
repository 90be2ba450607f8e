package dev.cleanup.test;

import java.time.Duration;
import java.util.List;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Participant;
import dev.cleanup.core.Stage;
import dev.cleanup.core.StageRunner;
import dev.cleanup.core.Teardown;

/**
 * Closes one teardown the way shutdown does, through a {@link StageRunner} in a stage
 * ({@code close} unless told otherwise), and measures the wall time the stage took.
 *
 * @param result the participant's result
 * @param took how long the stage took
 * @author cleanup contributors
 */
public record StageClose(CloseResult result, Duration took) {

	/**
	 * Close the teardown as a new participant of the {@code close} stage.
	 * @param kind the participant's kind
	 * @param teardown the teardown
	 * @param timeout the graceful timeout
	 * @return the result and the wall time
	 */
	public static StageClose run(Kind kind, Teardown teardown, Duration timeout) {
		return run(Stage.CLOSE, kind, teardown, timeout);
	}

	/**
	 * Close the teardown as a new participant of the given stage.
	 * @param stage the stage
	 * @param kind the participant's kind
	 * @param teardown the teardown
	 * @param timeout the graceful timeout
	 * @return the result and the wall time
	 */
	public static StageClose run(Stage stage, Kind kind, Teardown teardown, Duration timeout) {
		Participant participant = Participant.builder(kind.displayName()).kind(kind).teardown(teardown).build();
		long start = System.nanoTime();
		List<CloseResult> results = new StageRunner().close(stage,
				List.of(new StageRunner.Closing(participant, timeout)));
		return new StageClose(results.get(0), Duration.ofNanos(System.nanoTime() - start));
	}

}
