package dev.cleanup.core;

import java.time.Duration;

/**
 * An outbound call that shutdown cut: it failed after its pool started closing, or was
 * still in flight when shutdown ended.
 *
 * @param client the client that made it
 * @param method the HTTP method
 * @param uri the URI, already sanitized
 * @param elapsed how long it had run
 * @param reason how it was cut
 * @author cleanup contributors
 * @since 0.1.0
 */
public record CutCall(String client, String method, String uri, Duration elapsed, String reason) {

	/**
	 * Return the call as one line of the shutdown report.
	 * @return the line
	 */
	public String describe() {
		return this.client + " " + this.method + " " + this.uri + " after " + this.elapsed.toMillis() + " ms: "
				+ this.reason;
	}

}
