package dev.cleanup.actuate;

import io.micrometer.common.docs.KeyName;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.docs.MeterDocumentation;

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
	IN_FLIGHT {
		@Override
		public String getName() {
			return "cleanup.inflight";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.GAUGE;
		}

		@Override
		public String getBaseUnit() {
			return "calls";
		}

		@Override
		public KeyName[] getKeyNames() {
			return new KeyName[] { Tag.CLIENT };
		}

		@Override
		public String description() {
			return "Outbound HTTP calls in flight";
		}
	},

	/**
	 * Timeout tasks that outlived their purpose. A source whose timer is gone loses its
	 * gauge.
	 */
	LINGERING_TASKS {
		@Override
		public String getName() {
			return "cleanup.lingering.tasks";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.GAUGE;
		}

		@Override
		public String getBaseUnit() {
			return "tasks";
		}

		@Override
		public KeyName[] getKeyNames() {
			return new KeyName[] { Tag.SOURCE };
		}

		@Override
		public String description() {
			return "Timeout tasks that outlived their purpose";
		}
	},

	/**
	 * Time taken to close a participant on shutdown.
	 */
	CLOSE {
		@Override
		public String getName() {
			return "cleanup.close";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.TIMER;
		}

		@Override
		public KeyName[] getKeyNames() {
			return new KeyName[] { Tag.PARTICIPANT, Tag.KIND, Tag.STAGE, Tag.OUTCOME };
		}

		@Override
		public String description() {
			return "Time taken to close a participant on shutdown";
		}
	},

	/**
	 * Outbound HTTP calls cut by shutdown.
	 */
	REQUESTS_CUT {
		@Override
		public String getName() {
			return "cleanup.requests.cut";
		}

		@Override
		public Meter.Type getType() {
			return Meter.Type.COUNTER;
		}

		@Override
		public String getBaseUnit() {
			return "calls";
		}

		@Override
		public KeyName[] getKeyNames() {
			return new KeyName[] { Tag.CLIENT };
		}

		@Override
		public String description() {
			return "Outbound HTTP calls cut by shutdown";
		}
	};

	/**
	 * Return the meter's description.
	 * @return the description
	 */
	public abstract String description();

	/**
	 * The tags of the starter's meters.
	 */
	public enum Tag implements KeyName {

		/**
		 * The bean or registered name of a client, or {@value CleanupMetrics#CAPTURED}.
		 */
		CLIENT {
			@Override
			public String asString() {
				return "client";
			}
		},

		/**
		 * The participant's name for beans, registered names and shared pools, or
		 * {@value CleanupMetrics#CAPTURED}.
		 */
		PARTICIPANT {
			@Override
			public String asString() {
				return "participant";
			}
		},

		/**
		 * The client stack, such as {@code jetty-httpclient}.
		 */
		KIND {
			@Override
			public String asString() {
				return "kind";
			}
		},

		/**
		 * The stage, {@code close} or {@code dispose}.
		 */
		STAGE {
			@Override
			public String asString() {
				return "stage";
			}
		},

		/**
		 * How the close ended, such as {@code graceful} or {@code forced}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The source of timeout tasks, such as a scheduler's bean name.
		 */
		SOURCE {
			@Override
			public String asString() {
				return "source";
			}
		}

	}

}
