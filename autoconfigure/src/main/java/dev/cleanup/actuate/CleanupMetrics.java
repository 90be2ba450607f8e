package dev.cleanup.actuate;

import java.time.Duration;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the starter's meters. Tags stay bounded: {@code client} and {@code participant}
 * carry a name only for named clients (beans or registered names); every pool the starter
 * captured from a builder counts under {@value #CAPTURED}.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public class CleanupMetrics implements MeterBinder {

	/**
	 * The tag value shared by every captured pool and its client.
	 */
	public static final String CAPTURED = "captured";

	private final ShutdownCoordinator coordinator;

	private final InFlightCalls calls;

	private final PendingWork pendingWork;

	/**
	 * Create the meters' binder.
	 * @param coordinator the shutdown coordinator
	 * @param calls the in-flight calls
	 * @param pendingWork the timeout tasks
	 */
	public CleanupMetrics(ShutdownCoordinator coordinator, InFlightCalls calls, PendingWork pendingWork) {
		this.coordinator = coordinator;
		this.calls = calls;
		this.pendingWork = pendingWork;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(CleanupMeters.IN_FLIGHT, this.calls, InFlightCalls::capturedInFlightCount)
			.tags(Tags.of("client", CAPTURED))
			.description(CleanupMeters.IN_FLIGHT_DESCRIPTION)
			.baseUnit("calls")
			.register(registry);
		FunctionCounter.builder(CleanupMeters.CUT, this.calls, InFlightCalls::capturedCutCount)
			.tags(Tags.of("client", CAPTURED))
			.description(CleanupMeters.CUT_DESCRIPTION)
			.baseUnit("calls")
			.register(registry);
		this.calls.addNamedClientListener((client) -> bindClient(registry, client));
		this.pendingWork.tasks()
			.addSourceListener((source) -> Gauge
				.builder(CleanupMeters.LINGERING, this.pendingWork.tasks(), (census) -> census.lingeringCount(source))
				.tags(Tags.of("source", source.name()))
				.description(CleanupMeters.LINGERING_DESCRIPTION)
				.baseUnit("tasks")
				.register(registry));
		this.coordinator.addResultListener((result) -> recordClose(registry, result));
	}

	private static void bindClient(MeterRegistry registry, TrackedClient client) {
		Gauge.builder(CleanupMeters.IN_FLIGHT, client, TrackedClient::inFlightCount)
			.tags(Tags.of("client", client.name()))
			.description(CleanupMeters.IN_FLIGHT_DESCRIPTION)
			.baseUnit("calls")
			.register(registry);
		FunctionCounter.builder(CleanupMeters.CUT, client, TrackedClient::cutCount)
			.tags(Tags.of("client", client.name()))
			.description(CleanupMeters.CUT_DESCRIPTION)
			.baseUnit("calls")
			.register(registry);
	}

	private void recordClose(MeterRegistry registry, CloseResult result) {
		Participant participant = this.coordinator.registry().find(result.name());
		boolean named = participant != null && !participant.isWeak();
		Timer.builder(CleanupMeters.CLOSE)
			.tags(Tags.of("participant", named ? result.name() : CAPTURED, "kind", result.kind().displayName(), "stage",
					result.stage().configName(), "outcome", result.outcome().displayName()))
			.description(CleanupMeters.CLOSE_DESCRIPTION)
			.register(registry)
			.record(result.duration().isNegative() ? Duration.ZERO : result.duration());
	}

}
