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

	private static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	private static void phases(CleanupProperties properties) {
		int drain = properties.getDrain().getPhase();
		int close = properties.getClose().getPhase();
		int dispose = properties.getDispose().getPhase();
		if (close >= WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE) {
			throw new InvalidCleanupPropertyException("cleanup.close.phase", close,
					"pools would close before the web server has stopped, while inbound requests still use them",
					"write a phase below " + WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE
							+ ", or remove it to use the default " + CleanupProperties.DEFAULT_CLOSE_PHASE + ".");
		}
		if (drain <= close) {
			throw new InvalidCleanupPropertyException("cleanup.drain.phase", drain,
					"the drain stage must run before the close stage (phase " + close + "); higher phases stop first",
					"write a phase above " + close + ", or remove it to use the default "
							+ CleanupProperties.DEFAULT_DRAIN_PHASE + ".");
		}
		if (dispose >= close) {
			throw new InvalidCleanupPropertyException("cleanup.dispose.phase", dispose,
					"the dispose stage must run after the close stage (phase " + close + "); lower phases stop later",
					"write a phase below " + close + ", or remove it to use the default "
							+ CleanupProperties.DEFAULT_DISPOSE_PHASE + ".");
		}
		if (dispose <= CleanupProperties.REPORT_PHASE) {
			throw new InvalidCleanupPropertyException("cleanup.dispose.phase", dispose,
					"the dispose stage must run before the shutdown report (phase " + CleanupProperties.REPORT_PHASE
							+ ")",
					"write a phase above " + CleanupProperties.REPORT_PHASE + ", or remove it to use the default "
							+ CleanupProperties.DEFAULT_DISPOSE_PHASE + ".");
		}
	}

}
