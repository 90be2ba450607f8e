package dev.cleanup.autoconfigure;

import java.time.Duration;
import java.util.Map;

import dev.cleanup.core.Stage;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Checks {@link CleanupProperties} at startup and throws an
 * {@link InvalidCleanupPropertyException} naming the first bad property.
 *
 * @author cleanup contributors
 */
final class CleanupPropertiesValidator {

	private CleanupPropertiesValidator() {
	}

	static void validate(CleanupProperties properties) {
		positive("cleanup.termination-grace-period", properties.getTerminationGracePeriod());
		notNegative("cleanup.pre-stop-delay", properties.getPreStopDelay());
		positive("cleanup.drain.timeout", properties.getDrain().getTimeout());
		positive("cleanup.close.timeout", properties.getClose().getTimeout());
		positive("cleanup.dispose.timeout", properties.getDispose().getTimeout());
		positive("cleanup.watchdog.grace", properties.getWatchdog().getGrace());
		for (Map.Entry<String, CleanupProperties.Resource> entry : properties.getResources().entrySet()) {
			String prefix = "cleanup.resources." + entry.getKey();
			positive(prefix + ".timeout", entry.getValue().getTimeout());
			stage(prefix + ".stage", entry.getValue().getStage());
		}
		phases(properties);
	}

	static @Nullable Stage stage(String property, @Nullable String name) {
		if (name == null) {
			return null;
		}
		Stage stage = Stage.forName(name);
		if (stage == null) {
			throw new InvalidCleanupPropertyException(property, name, "there is no stage of that name",
					"write one of " + Stage.closingStageNames() + ".");
		}
		if (!stage.closesParticipants()) {
			throw new InvalidCleanupPropertyException(property, name,
					"the drain stage only waits for in-flight calls and closes nothing",
					"write one of " + Stage.closingStageNames() + ".");
		}
		return stage;
	}

	private static void positive(String property, @Nullable Duration duration) {
		if (duration != null && (duration.isNegative() || duration.isZero())) {
			throw new InvalidCleanupPropertyException(property, format(duration), "the duration must be positive",
					"write a positive duration such as '5s' or '500ms', or remove it to use the default.");
		}
	}

	private static void notNegative(String property, Duration duration) {
		if (duration.isNegative()) {
			throw new InvalidCleanupPropertyException(property, format(duration), "the duration must not be negative",
					"write a duration such as '10s', or '0s' for none.");
		}
	}

	private static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	/**
	 * Check that the stages run in their order: each below the one before it (higher
	 * phases stop first), and pools close only once the web server has stopped.
	 */
	private static void phases(CleanupProperties properties) {
		int close = CleanupStage.CLOSE.phase(properties);
		if (close >= WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE) {
			throw new InvalidCleanupPropertyException(CleanupStage.CLOSE.phaseProperty(), close,
					"pools would close before the web server has stopped, while inbound requests still use them",
					"write a phase below " + WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE
							+ ", or remove it to use the default " + CleanupStage.CLOSE.defaultPhase() + ".");
		}
		CleanupStage[] stages = CleanupStage.values();
		for (int i = 1; i < stages.length; i++) {
			CleanupStage earlier = stages[i - 1];
			CleanupStage later = stages[i];
			int earlierPhase = earlier.phase(properties);
			int laterPhase = later.phase(properties);
			if (laterPhase < earlierPhase) {
				continue;
			}
			// name the earlier stage where it is the drain, which must come first, or
			// where
			// the later one is the report, which cannot be moved
			if (earlier == CleanupStage.DRAIN || later == CleanupStage.REPORT) {
				throw new InvalidCleanupPropertyException(earlier.phaseProperty(), earlierPhase,
						"the " + earlier.configName() + " stage must run before " + describe(later) + " (phase "
								+ laterPhase + "); higher phases stop first",
						"write a phase above " + laterPhase + ", or remove it to use the default "
								+ earlier.defaultPhase() + ".");
			}
			throw new InvalidCleanupPropertyException(later.phaseProperty(), laterPhase,
					"the " + later.configName() + " stage must run after " + describe(earlier) + " (phase "
							+ earlierPhase + "); lower phases stop later",
					"write a phase below " + earlierPhase + ", or remove it to use the default " + later.defaultPhase()
							+ ".");
		}
	}

	private static String describe(CleanupStage stage) {
		return (stage == CleanupStage.REPORT) ? "the shutdown report" : "the " + stage.configName() + " stage";
	}

}
