package dev.cleanup.actuate;

import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.docs.MeterDocumentation;
import org.jspecify.annotations.Nullable;

/**
 * The starter's meters, documented as Micrometer's own binders document theirs. Tags are
 * bounded: {@code client} and {@code participant} carry a name only for named clients
 * (beans or registered names) and {@value CleanupMetrics#CAPTURED} for everything the
 * starter captured; no tag ever holds a URI.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
enum CleanupMeters implements MeterDocumentation {

	/**
	 * Outbound HTTP calls in flight.
	 */
	IN_FLIGHT("cleanup.inflight", Meter.Type.GAUGE, "calls", "Outbound HTTP calls in flight", Tag.CLIENT),

	/**
	 * Timeout tasks that outlived their purpose. A source whose timer is gone loses its
	 * gauge.
	 */
	LINGERING_TASKS("cleanup.lingering.tasks", Meter.Type.GAUGE, "tasks", "Timeout tasks that outlived their purpose",
			Tag.SOURCE),

	/**
	 * Time taken to close a participant on shutdown.
	 */
	CLOSE("cleanup.close", Meter.Type.TIMER, null, "Time taken to close a participant on shutdown", Tag.PARTICIPANT,
			Tag.KIND, Tag.STAGE, Tag.OUTCOME),

	/**
	 * Outbound HTTP calls cut by shutdown.
	 */
	REQUESTS_CUT("cleanup.requests.cut", Meter.Type.COUNTER, "calls", "Outbound HTTP calls cut by shutdown",
			Tag.CLIENT);

	// one class for the meters and one for the tags: constants with bodies of their own
	// would each be a class loaded at startup

	private final String name;

	private final Meter.Type type;

	private final @Nullable String baseUnit;

	private final String description;

	private final KeyName[] keyNames;

	CleanupMeters(String name, Meter.Type type, @Nullable String baseUnit, String description, KeyName... keyNames) {
		this.name = name;
		this.type = type;
		this.baseUnit = baseUnit;
		this.description = description;
		this.keyNames = keyNames;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public Meter.Type getType() {
		return this.type;
	}

	@Override
	public @Nullable String getBaseUnit() {
		return this.baseUnit;
	}

	@Override
	public KeyName[] getKeyNames() {
		return this.keyNames.clone();
	}

	/**
	 * Return the meter's description.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * The tags of the starter's meters.
	 */
	public enum Tag implements KeyName {

		/**
		 * The bean or registered name of a client, or {@value CleanupMetrics#CAPTURED}.
		 */
		CLIENT("client"),

		/**
		 * The participant's name for beans, registered names and shared pools, or
		 * {@value CleanupMetrics#CAPTURED}.
		 */
		PARTICIPANT("participant"),

		/**
		 * The client stack, such as {@code jetty-httpclient}.
		 */
		KIND("kind"),

		/**
		 * The stage, {@code close} or {@code dispose}.
		 */
		STAGE("stage"),

		/**
		 * How the close ended, such as {@code graceful} or {@code forced}.
		 */
		OUTCOME("outcome"),

		/**
		 * The source of timeout tasks, such as a scheduler's bean name.
		 */
		SOURCE("source");

		private final String key;

		Tag(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}
