package dev.cleanup.autoconfigure;

/**
 * The Spring Boot lines the starter serves, told apart by classes that only some lines
 * have, so that a condition can read them without loading anything.
 *
 * @author cleanup contributors
 */
final class BootLines {

	/**
	 * A class of Spring Boot 3.x only: {@code RestClientCustomizer} moved to
	 * {@code org.springframework.boot.restclient} in Boot 4.
	 */
	static final String BOOT_35 = "org.springframework.boot.web.client.RestClientCustomizer";

	/**
	 * A class of Spring Boot 3.5 and later, which the starter's own conditions use.
	 */
	static final String BOOT_35_OR_LATER = "org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty";

	/**
	 * The lines served, as said in warnings.
	 */
	static final String SERVED = "Spring Boot 3.5.x, 4.0.x and 4.1.x";

	private BootLines() {
	}

}
