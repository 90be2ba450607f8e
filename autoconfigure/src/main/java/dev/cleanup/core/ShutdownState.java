package dev.cleanup.core;

/**
 * Where the application's cleanup is.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public enum ShutdownState {

	/**
	 * The application runs; nothing is being closed.
	 */
	RUNNING,

	/**
	 * Shutdown started; waiting for in-flight calls.
	 */
	DRAINING,

	/**
	 * Closing client pools.
	 */
	CLOSING,

	/**
	 * Disposing shared event loops and thread pools.
	 */
	DISPOSING,

	/**
	 * Everything was closed and the report written.
	 */
	CLOSED

}
