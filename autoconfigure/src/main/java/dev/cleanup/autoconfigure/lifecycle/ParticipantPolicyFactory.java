package dev.cleanup.autoconfigure.lifecycle;

import dev.cleanup.autoconfigure.CleanupProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.cleanup.core.plan.ParticipantPolicy;
import dev.cleanup.core.Stage;

/**
 * Builds the engine's {@link ParticipantPolicy} from validated {@link CleanupProperties}.
 *
 * @author cleanup contributors
 */
public final class ParticipantPolicyFactory {

	private ParticipantPolicyFactory() {
	}

	public static ParticipantPolicy create(CleanupProperties properties) {
		Map<Stage, Duration> timeouts = Map.of(Stage.CLOSE, properties.getClose().getTimeout(), Stage.DISPOSE,
				properties.getDispose().getTimeout());
		Map<String, ParticipantPolicy.Override> overrides = new LinkedHashMap<>();
		properties.getResources().forEach((name, resource) -> {
			Stage stage = CleanupPropertiesValidator.stage("cleanup.resources." + name + ".stage", resource.getStage());
			overrides.put(name, new ParticipantPolicy.Override(resource.isEnabled(), stage, resource.getTimeout()));
		});
		return ParticipantPolicy.of(timeouts, overrides);
	}

}
