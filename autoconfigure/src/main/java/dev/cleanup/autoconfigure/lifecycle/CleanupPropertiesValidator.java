package dev.cleanup.autoconfigure.lifecycle;

import dev.cleanup.autoconfigure.CleanupProperties;
import dev.cleanup.autoconfigure.InvalidCleanupPropertyException;

import java.time.Duration;
import java.util.Map;

import dev.cleanup.core.Stage;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link CleanupProperties} at startup and throws an
 * {@link InvalidCleanupPropertyException} naming the first bad property.
 *
 * @author cleanup contributors
 */
public final class CleanupPropertiesValidator {

	private CleanupPropertiesValidator() {
	}

	public static void validate(CleanupProperties properties) {
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

}
