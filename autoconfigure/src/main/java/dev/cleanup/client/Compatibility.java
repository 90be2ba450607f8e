package dev.cleanup.client;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Where the starter says what it switched off because the Spring Boot line or a client
 * library found at runtime lacks what it needs. Each switch is one WARN line with what is
 * off, why, and what to do. The logger's name is the way to silence them:
 * {@code logging.level.dev.cleanup.Compatibility=error}.
 *
 * @author cleanup contributors
 */
public final class Compatibility {

	/**
	 * The name of the logger, to set its level.
	 */
	public static final String LOGGER_NAME = "dev.cleanup.Compatibility";

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	private Compatibility() {
	}

	/**
	 * Say that something is switched off.
	 * @param what what is off and what still works
	 * @param why the library or line found, and what it lacks
	 * @param action what to do about it
	 */
	public static void switchedOff(String what, String why, String action) {
		logger.warn(what + ": " + why + ". " + action + " (to silence this warning: logging.level." + LOGGER_NAME
				+ "=error).");
	}

}
