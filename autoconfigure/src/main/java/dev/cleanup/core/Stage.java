package dev.cleanup.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Shutdown stages, in the order they run. {@link #DRAIN} waits for in-flight calls and
 * closes nothing; participants close in {@link #CLOSE} or {@link #DISPOSE}.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public enum Stage {

	/**
	 * Waits until tracked in-flight outbound calls have ended.
	 */
	DRAIN,

	/**
	 * Closes client pools: graceful first, forced when the timeout passes.
	 */
	CLOSE,

	/**
	 * Disposes shared event loops and client thread pools or schedulers.
	 */
	DISPOSE;

	/**
	 * Return the name used in configuration, for example {@code close}.
	 * @return the lower-case name
	 */
	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Whether participants may close in this stage.
	 * @return {@code true} for {@link #CLOSE} and {@link #DISPOSE}
	 */
	public boolean closesParticipants() {
		return this != DRAIN;
	}

	/**
	 * Find the stage with the given configuration name, ignoring case.
	 * @param name the name, for example {@code dispose}
	 * @return the stage or {@code null} if no stage has that name
	 */
	public static @Nullable Stage forName(String name) {
		for (Stage stage : values()) {
			if (stage.configName().equalsIgnoreCase(name.trim())) {
				return stage;
			}
		}
		return null;
	}

	/**
	 * Return the configuration names of the stages participants may close in.
	 * @return for example {@code close, dispose}
	 */
	public static String closingStageNames() {
		return Arrays.stream(values())
			.filter(Stage::closesParticipants)
			.map(Stage::configName)
			.collect(Collectors.joining(", "));
	}

}
