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
		for (Map.Entry<String, CleanupProperties.Resource> entry : properties.getResources().entrySet()) {
			CleanupProperties.Resource resource = entry.getValue();
			Stage stage = CleanupPropertiesValidator.stage("cleanup.resources." + entry.getKey() + ".stage",
					resource.getStage());
			overrides.put(entry.getKey(),
					new ParticipantPolicy.Override(resource.isEnabled(), stage, resource.getTimeout()));
		}
		return ParticipantPolicy.of(timeouts, overrides);
	}

}
