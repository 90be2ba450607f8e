package dev.cleanup.client;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/**
 * Where a stack whose clients have no Spring request factory or connector to wrap (a
 * Reactor Netty {@code HttpClient} bean, a Feign client) records the calls it sees start
 * and end, on the tracked client of their pool.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface CallTracking {

	/**
	 * Record that a call started.
	 * @param method the HTTP method
	 * @param uri the URI as given
	 * @return the call, to end exactly once
	 */
	Call start(String method, URI uri);

	/**
	 * Record that a call to a URL given as text started. A URL that {@link URI} cannot
	 * parse, but the client can send, goes ahead untracked.
	 * @param method the HTTP method
	 * @param url the URL as given
	 * @return the call, to end exactly once
	 */
	default Call start(String method, String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return untracked(ex);
		}
		return start(method, uri);
	}

	/**
	 * Note a call that goes ahead untracked.
	 * @param cause why it cannot be tracked
	 * @return a call whose end does nothing
	 */
	default Call untracked(Exception cause) {
		return (failure) -> {
		};
	}

	/**
	 * A call in flight.
	 */
	@FunctionalInterface
	interface Call {

		/**
		 * Record that the call ended. Ending twice is harmless.
		 * @param failure why it failed, or {@code null}
		 */
		void end(@Nullable Throwable failure);

	}

}
