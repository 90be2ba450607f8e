package dev.cleanup.actuate;

import java.time.Duration;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.lingering.TimeoutTaskSource;
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

	private final TimeoutTaskCensus tasks;

	/**
	 * Create the meters' binder.
	 * @param coordinator the shutdown coordinator
	 * @param calls the in-flight calls
	 * @param tasks the census of timeout tasks
	 */
	public CleanupMetrics(ShutdownCoordinator coordinator, InFlightCalls calls, TimeoutTaskCensus tasks) {
		this.coordinator = coordinator;
		this.calls = calls;
		this.tasks = tasks;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(CleanupMeters.IN_FLIGHT.getName(), this.calls, InFlightCalls::capturedInFlightCount)
			.tags(Tags.of(CleanupMeters.Tag.CLIENT.asString(), CAPTURED))
			.description(CleanupMeters.IN_FLIGHT.description())
			.baseUnit(CleanupMeters.IN_FLIGHT.getBaseUnit())
			.register(registry);
		FunctionCounter.builder(CleanupMeters.REQUESTS_CUT.getName(), this.calls, InFlightCalls::capturedCutCount)
			.tags(Tags.of(CleanupMeters.Tag.CLIENT.asString(), CAPTURED))
			.description(CleanupMeters.REQUESTS_CUT.description())
			.baseUnit(CleanupMeters.REQUESTS_CUT.getBaseUnit())
			.register(registry);
		this.calls.addNamedClientListener((client) -> bindClient(registry, client));
		this.tasks.addSourceListener((source) -> bindSource(registry, source));
		// a source that is gone takes its gauge with it
		this.tasks.addRemovalListener((source) -> removeSource(registry, source));
		this.coordinator.addResultListener((result) -> recordClose(registry, result));
	}

	private void bindSource(MeterRegistry registry, TimeoutTaskSource source) {
		Gauge.builder(CleanupMeters.LINGERING_TASKS.getName(), this.tasks, (census) -> census.lingeringCount(source))
			.tags(Tags.of(CleanupMeters.Tag.SOURCE.asString(), source.name()))
			.description(CleanupMeters.LINGERING_TASKS.description())
			.baseUnit(CleanupMeters.LINGERING_TASKS.getBaseUnit())
			.register(registry);
	}

	private static void removeSource(MeterRegistry registry, TimeoutTaskSource source) {
		Gauge gauge = registry.find(CleanupMeters.LINGERING_TASKS.getName())
			.tag(CleanupMeters.Tag.SOURCE.asString(), source.name())
			.gauge();
		if (gauge != null) {
			registry.remove(gauge);
		}
	}

	private static void bindClient(MeterRegistry registry, TrackedClient client) {
		Tags tags = Tags.of(CleanupMeters.Tag.CLIENT.asString(), client.name());
		Gauge.builder(CleanupMeters.IN_FLIGHT.getName(), client, TrackedClient::inFlightCount)
			.tags(tags)
			.description(CleanupMeters.IN_FLIGHT.description())
			.baseUnit(CleanupMeters.IN_FLIGHT.getBaseUnit())
			.register(registry);
		FunctionCounter.builder(CleanupMeters.REQUESTS_CUT.getName(), client, TrackedClient::cutCount)
			.tags(tags)
			.description(CleanupMeters.REQUESTS_CUT.description())
			.baseUnit(CleanupMeters.REQUESTS_CUT.getBaseUnit())
			.register(registry);
	}

	private void recordClose(MeterRegistry registry, CloseResult result) {
		Participant participant = this.coordinator.registry().find(result.name());
		boolean named = participant != null && !participant.isCaptured();
		Timer.builder(CleanupMeters.CLOSE.getName())
			.tags(Tags.of(CleanupMeters.Tag.PARTICIPANT.asString(), named ? result.name() : CAPTURED,
					CleanupMeters.Tag.KIND.asString(), result.kind().displayName(), CleanupMeters.Tag.STAGE.asString(),
					result.stage().configName(), CleanupMeters.Tag.OUTCOME.asString(), result.outcome().displayName()))
			.description(CleanupMeters.CLOSE.description())
			.register(registry)
			.record(result.duration().isNegative() ? Duration.ZERO : result.duration());
	}

}
