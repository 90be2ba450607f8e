package dev.cleanup.client.reactor;

import java.io.IOException;

import dev.cleanup.client.CallTracking;
import io.netty.util.AttributeKey;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;
import reactor.netty.ConnectionObserver;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.http.client.HttpClientState;

/**
 * Tracks the calls of a Reactor Netty {@link HttpClient} that is used directly, such as
 * Spring Cloud Gateway's proxy client: a call starts when its request is prepared on a
 * connection and ends when its response has been received in full; a connection closed or
 * failing before that ends it as failed, and one released before that (the caller gave up
 * on the response) ends it. The call rides on the connection's channel, so nothing is
 * held once it ends.
 *
 * @author cleanup contributors
 */
final class ReactorCallTracking implements ConnectionObserver {

	private static final AttributeKey<CallTracking.Call> CALL = AttributeKey.valueOf("dev.cleanup.call");

	private final CallTracking tracking;

	private ReactorCallTracking(CallTracking tracking) {
		this.tracking = tracking;
	}

	/**
	 * Return the client with its calls tracked; the client itself is left as it was.
	 * @param client the client
	 * @param tracking where its calls are recorded
	 * @return the tracking client
	 */
	static HttpClient track(HttpClient client, CallTracking tracking) {
		return client.observe(new ReactorCallTracking(tracking));
	}

	@Override
	public void onStateChange(Connection connection, State newState) {
		if (newState == HttpClientState.REQUEST_PREPARED && connection instanceof HttpClientRequest request) {
			CallTracking.Call previous = connection.channel().attr(CALL).getAndSet(start(request));
			end(previous, null);
		}
		else if (newState == HttpClientState.RESPONSE_COMPLETED || newState == State.RELEASED) {
			end(connection.channel().attr(CALL).getAndSet(null), null);
		}
		else if (newState == State.DISCONNECTING || newState == HttpClientState.RESPONSE_INCOMPLETE) {
			end(connection.channel().attr(CALL).getAndSet(null),
					new IOException("Connection closed before the response was received in full"));
		}
	}

	/**
	 * Start tracking a call; tracking never changes a call's outcome: whatever fails
	 * here, the call goes ahead untracked.
	 */
	private CallTracking.Call start(HttpClientRequest request) {
		try {
			return this.tracking.start(request.method().name(), request.resourceUrl());
		}
		catch (RuntimeException ex) {
			return this.tracking.untracked(ex);
		}
	}

	@Override
	public void onUncaughtException(Connection connection, Throwable error) {
		end(connection.channel().attr(CALL).getAndSet(null), error);
	}

	private static void end(CallTracking.@Nullable Call call, @Nullable Throwable failure) {
		if (call != null) {
			call.end(failure);
		}
	}

}
