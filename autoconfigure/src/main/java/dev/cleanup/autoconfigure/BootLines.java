package dev.cleanup.autoconfigure;

/**
 * The Spring Boot lines the starter serves, told apart by classes that only some lines
 * have, so that a condition can read them without loading anything.
 *
 * @author cleanup contributors
 */
final class BootLines {

	/**
	 * A class of Spring Boot 4.0 and later: {@code EnvironmentPostProcessor} moved there
	 * from {@code org.springframework.boot.env}.
	 */
	static final String BOOT_4 = "org.springframework.boot.EnvironmentPostProcessor";

	/**
	 * The lines served, as said in warnings.
	 */
	static final String SERVED = "Spring Boot 4.0.x and 4.1.x";

	private BootLines() {
	}

}
