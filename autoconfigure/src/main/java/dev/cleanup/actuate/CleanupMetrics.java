package dev.cleanup.actuate;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

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
import org.jspecify.annotations.Nullable;

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
		Tags captured = Tags.of(CleanupMeters.Tag.CLIENT.asString(), CAPTURED);
		Gauge.builder(CleanupMeters.IN_FLIGHT.getName(), this.calls, Reading.IN_FLIGHT)
			.tags(captured)
			.description(CleanupMeters.IN_FLIGHT.description())
			.baseUnit(CleanupMeters.IN_FLIGHT.getBaseUnit())
			.register(registry);
		FunctionCounter.builder(CleanupMeters.REQUESTS_CUT.getName(), this.calls, Reading.CUT)
			.tags(captured)
			.description(CleanupMeters.REQUESTS_CUT.description())
			.baseUnit(CleanupMeters.REQUESTS_CUT.getBaseUnit())
			.register(registry);
		// the calls must not reach the census: they can outlive their context, the census
		// cannot
		this.calls.addNamedClientListener(new ClientMeters(registry));
		ContextMeters contextMeters = new ContextMeters(registry, this.coordinator, this.tasks);
		this.tasks.addSourceListener(contextMeters);
		this.coordinator.addResultListener(contextMeters);
	}

	/**
	 * What a gauge or a function counter reads of what it watches: the calls in flight or
	 * cut of the captured clients or of a named client, or the lingering tasks of one
	 * source in the census. One class for every meter, rather than a function object
	 * each. It never holds what it watches, nor the source strongly: a meter holds what
	 * it watches weakly, and its registry may outlive the context (a registry shared by
	 * contexts, or one Micrometer's Logback metrics keep in Logback's JVM-wide logger
	 * context), so a source held strongly would keep the context's calls it reads.
	 */
	private static final class Reading implements ToDoubleFunction<Object> {

		static final Reading IN_FLIGHT = new Reading(false, null);

		static final Reading CUT = new Reading(true, null);

		private final boolean cut;

		private final @Nullable WeakReference<TimeoutTaskSource> source;

		private Reading(boolean cut, @Nullable WeakReference<TimeoutTaskSource> source) {
			this.cut = cut;
			this.source = source;
		}

		static Reading lingering(TimeoutTaskSource source) {
			return new Reading(false, new WeakReference<>(source));
		}

		@Override
		public double applyAsDouble(Object watched) {
			if (watched instanceof InFlightCalls calls) {
				return this.cut ? calls.capturedCutCount() : calls.capturedInFlightCount();
			}
			if (watched instanceof TrackedClient client) {
				return this.cut ? client.cutCount() : client.inFlightCount();
			}
			TimeoutTaskSource source = (this.source != null) ? this.source.get() : null;
			return (source != null && watched instanceof TimeoutTaskCensus tasks) ? tasks.lingeringCount(source) : 0;
		}

	}

	/**
	 * Binds the meters of each named client as it appears.
	 */
	private static final class ClientMeters implements Consumer<TrackedClient> {

		private final MeterRegistry registry;

		ClientMeters(MeterRegistry registry) {
			this.registry = registry;
		}

		@Override
		public void accept(TrackedClient client) {
			Tags tags = Tags.of(CleanupMeters.Tag.CLIENT.asString(), client.name());
			Gauge.builder(CleanupMeters.IN_FLIGHT.getName(), client, Reading.IN_FLIGHT)
				.tags(tags)
				.description(CleanupMeters.IN_FLIGHT.description())
				.baseUnit(CleanupMeters.IN_FLIGHT.getBaseUnit())
				.register(this.registry);
			FunctionCounter.builder(CleanupMeters.REQUESTS_CUT.getName(), client, Reading.CUT)
				.tags(tags)
				.description(CleanupMeters.REQUESTS_CUT.description())
				.baseUnit(CleanupMeters.REQUESTS_CUT.getBaseUnit())
				.register(this.registry);
		}

	}

	/**
	 * Binds the meters of what lives as long as the context: a gauge for each source of
	 * timeout tasks as it appears (removed once the source is gone), and a timer sample
	 * for each participant's close. One listener for both, rather than a function object
	 * for the closes.
	 */
	private static final class ContextMeters implements TimeoutTaskCensus.SourceListener, Consumer<CloseResult> {

		private final MeterRegistry registry;

		private final ShutdownCoordinator coordinator;

		private final TimeoutTaskCensus tasks;

		ContextMeters(MeterRegistry registry, ShutdownCoordinator coordinator, TimeoutTaskCensus tasks) {
			this.registry = registry;
			this.coordinator = coordinator;
			this.tasks = tasks;
		}

		@Override
		public void added(TimeoutTaskSource source) {
			Gauge.builder(CleanupMeters.LINGERING_TASKS.getName(), this.tasks, Reading.lingering(source))
				.tags(Tags.of(CleanupMeters.Tag.SOURCE.asString(), source.name()))
				.description(CleanupMeters.LINGERING_TASKS.description())
				.baseUnit(CleanupMeters.LINGERING_TASKS.getBaseUnit())
				.register(this.registry);
		}

		@Override
		public void removed(TimeoutTaskSource source) {
			Gauge gauge = this.registry.find(CleanupMeters.LINGERING_TASKS.getName())
				.tag(CleanupMeters.Tag.SOURCE.asString(), source.name())
				.gauge();
			if (gauge != null) {
				this.registry.remove(gauge);
			}
		}

		@Override
		public void accept(CloseResult result) {
			Participant participant = this.coordinator.registry().find(result.name());
			boolean named = participant != null && !participant.isCaptured();
			Timer.builder(CleanupMeters.CLOSE.getName())
				.tags(Tags.of(CleanupMeters.Tag.PARTICIPANT.asString(), named ? result.name() : CAPTURED,
						CleanupMeters.Tag.KIND.asString(), result.kind().displayName(),
						CleanupMeters.Tag.STAGE.asString(), result.stage().configName(),
						CleanupMeters.Tag.OUTCOME.asString(), result.outcome().displayName()))
				.description(CleanupMeters.CLOSE.description())
				.register(this.registry)
				.record(result.duration().isNegative() ? Duration.ZERO : result.duration());
		}

	}

}
