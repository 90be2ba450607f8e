package dev.cleanup.autoconfigure;

/**
 * Thrown at startup when a {@code cleanup.*} property has a value the starter cannot work
 * with.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public class InvalidCleanupPropertyException extends RuntimeException {

	private final String property;

	private final String value;

	private final String action;

	/**
	 * Create an exception.
	 * @param property the full property name, for example {@code cleanup.drain.timeout}
	 * @param value the value as bound
	 * @param reason why the value is wrong
	 * @param action what to write instead
	 */
	public InvalidCleanupPropertyException(String property, Object value, String reason, String action) {
		super("Invalid value '" + value + "' for property '" + property + "': " + reason);
		this.property = property;
		this.value = String.valueOf(value);
		this.action = action;
	}

	/**
	 * Return the full property name.
	 * @return the property
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * Return the rejected value.
	 * @return the value
	 */
	public String getValue() {
		return this.value;
	}

	/**
	 * Return what to write instead.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
