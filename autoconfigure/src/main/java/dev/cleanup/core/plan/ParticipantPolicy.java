package dev.cleanup.core.plan;

import dev.cleanup.core.Stage;
import dev.cleanup.core.Participant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Decides, for each participant, whether it is closed, in which stage and with which
 * graceful timeout: a per-name override wins over what the participant asked for, which
 * wins over the stage's default. Names match relaxed ({@code payments-client} matches
 * {@code paymentsClient}).
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ParticipantPolicy {

	private final Map<Stage, Duration> stageTimeouts;

	private final Map<String, Override> overrides;

	private ParticipantPolicy(Map<Stage, Duration> stageTimeouts, Map<String, Override> overrides) {
		this.stageTimeouts = stageTimeouts;
		this.overrides = overrides;
	}

	/**
	 * Create a policy.
	 * @param stageTimeouts the default graceful timeout of each closing stage
	 * @param overrides per-name overrides, keyed by participant name as configured
	 * @return the policy
	 */
	public static ParticipantPolicy of(Map<Stage, Duration> stageTimeouts, Map<String, Override> overrides) {
		Map<Stage, Duration> timeouts = new EnumMap<>(Stage.class);
		timeouts.putAll(stageTimeouts);
		for (Stage stage : Stage.values()) {
			if (stage.closesParticipants() && timeouts.get(stage) == null) {
				throw new NullPointerException("No timeout for stage " + stage.configName());
			}
		}
		Map<String, Override> relaxed = new HashMap<>();
		for (Map.Entry<String, Override> override : overrides.entrySet()) {
			relaxed.put(ParticipantNames.relaxed(override.getKey()), override.getValue());
		}
		return new ParticipantPolicy(timeouts, relaxed);
	}

	/**
	 * Return the settings for a participant.
	 * @param participant the participant
	 * @return its settings
	 */
	public Settings settingsFor(Participant participant) {
		Override override = this.overrides.get(ParticipantNames.relaxed(participant.name()));
		Stage stage = (override != null && override.stage() != null) ? override.stage() : participant.stage();
		Duration own = (override != null && override.timeout() != null) ? override.timeout() : participant.timeout();
		Duration timeout = (own != null) ? own : this.stageTimeouts.get(stage);
		boolean enabled = override == null || override.enabled();
		return new Settings(enabled, stage, Objects.requireNonNull(timeout), own != null);
	}

	/**
	 * Return the default graceful timeout of a closing stage.
	 * @param stage the stage
	 * @return the timeout
	 */
	public Duration stageTimeout(Stage stage) {
		Duration timeout = this.stageTimeouts.get(stage);
		if (timeout == null) {
			throw new NullPointerException(stage.configName());
		}
		return timeout;
	}

	/**
	 * Return the longest graceful timeout a stage can need: its default, the given
	 * participants' settings, and every override that may place a participant not seen
	 * yet in it.
	 * @param stage the stage
	 * @param participants the participants known now
	 * @return the longest timeout
	 */
	public Duration slowest(Stage stage, Collection<Participant> participants) {
		Duration slowest = stageTimeout(stage);
		Set<String> known = new HashSet<>();
		for (Participant participant : participants) {
			known.add(ParticipantNames.relaxed(participant.name()));
			Settings settings = settingsFor(participant);
			if (settings.enabled() && settings.stage() == stage) {
				slowest = max(slowest, settings.timeout());
			}
		}
		for (Map.Entry<String, Override> entry : this.overrides.entrySet()) {
			Override override = entry.getValue();
			// an override for a participant not seen yet may land in either stage
			boolean mayApply = (override.stage() == stage)
					|| (override.stage() == null && !known.contains(entry.getKey()));
			if (override.enabled() && override.timeout() != null && mayApply) {
				slowest = max(slowest, override.timeout());
			}
		}
		return slowest;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * Return the configured names that match none of the given participants.
	 * @param configuredNames names as configured
	 * @param participants the participants known now
	 * @return the configured names without a match
	 */
	public static List<String> unmatched(Collection<String> configuredNames, Collection<Participant> participants) {
		Set<String> known = new HashSet<>();
		for (Participant participant : participants) {
			known.add(ParticipantNames.relaxed(participant.name()));
		}
		List<String> unmatched = new ArrayList<>();
		for (String name : configuredNames) {
			if (!known.contains(ParticipantNames.relaxed(name))) {
				unmatched.add(name);
			}
		}
		return List.copyOf(unmatched);
	}

	/**
	 * Settings of one participant.
	 *
	 * @param enabled whether it is closed at all
	 * @param stage the stage it closes in
	 * @param timeout its graceful timeout
	 * @param ownTimeout whether the timeout is the participant's own (a
	 * {@code resources.<name>.timeout}, or one it was registered with) rather than its
	 * stage's
	 */
	public record Settings(boolean enabled, Stage stage, Duration timeout, boolean ownTimeout) {
	}

	/**
	 * A per-name override; {@code null} parts keep the participant's own or the stage's
	 * value.
	 *
	 * @param enabled whether the participant is closed at all
	 * @param stage the stage to close in
	 * @param timeout the graceful timeout
	 */
	public record Override(boolean enabled, @Nullable Stage stage, @Nullable Duration timeout) {
	}

}
