package dev.cleanup.core;

import java.time.Duration;
import java.util.List;

import dev.cleanup.client.Pool;

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
	 * Close the teardown as a new participant of the {@code close} stage, with no tracked
	 * calls.
	 * @param kind the participant's kind
	 * @param teardown the teardown
	 * @param timeout the graceful timeout
	 * @return the result and the wall time
	 */
	public static StageClose run(Kind kind, Teardown teardown, Duration timeout) {
		return run(Stage.CLOSE, participant(kind, teardown, InFlightSource.NONE), timeout);
	}

	/**
	 * Close the teardown as a new participant of the given stage, with no tracked calls.
	 * @param stage the stage
	 * @param kind the participant's kind
	 * @param teardown the teardown
	 * @param timeout the graceful timeout
	 * @return the result and the wall time
	 */
	public static StageClose run(Stage stage, Kind kind, Teardown teardown, Duration timeout) {
		return run(stage, participant(kind, teardown, InFlightSource.NONE), timeout);
	}

	/**
	 * Close a participant in a stage.
	 * @param stage the stage
	 * @param participant the participant
	 * @param timeout the graceful timeout
	 * @return the result and the wall time
	 */
	public static StageClose run(Stage stage, Participant participant, Duration timeout) {
		long start = System.nanoTime();
		List<CloseResult> results = new StageRunner().close(stage,
				List.of(new StageRunner.Closing(participant, timeout)));
		return new StageClose(results.get(0), Duration.ofNanos(System.nanoTime() - start));
	}

	/**
	 * Return a participant for a teardown whose calls are tracked.
	 * @param kind the participant's kind
	 * @param teardown the teardown
	 * @param inFlight its tracked calls
	 * @return the participant
	 */
	public static Participant participant(Kind kind, Teardown teardown, InFlightSource inFlight) {
		return Participant.builder(kind.displayName()).kind(kind).teardown(teardown).inFlight(inFlight).build();
	}

	/**
	 * Return a participant for a pool a stack found, as the starter registers it.
	 * @param pool the pool
	 * @param inFlight its tracked calls
	 * @return the participant
	 */
	public static Participant participant(Pool pool, InFlightSource inFlight) {
		return participant(pool.kind(), pool.teardown().apply(pool.resource(), inFlight), inFlight);
	}

}
