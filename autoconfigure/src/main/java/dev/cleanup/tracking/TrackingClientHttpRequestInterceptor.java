package dev.cleanup.tracking;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Tracks each call of a RestClient or RestTemplate from the request until its response is
 * closed, which RestClient and RestTemplate do once the body has been read.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class TrackingClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {

	private final InFlightCalls calls;

	private final TrackedClient client;

	/**
	 * Create an interceptor.
	 * @param calls where calls are tracked
	 * @param client the client the calls belong to
	 */
	public TrackingClientHttpRequestInterceptor(InFlightCalls calls, TrackedClient client) {
		this.calls = calls;
		this.client = client;
	}

	/**
	 * Return the client this interceptor tracks calls for.
	 * @return the client
	 */
	public TrackedClient client() {
		return this.client;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		InFlightCall call = this.calls.start(this.client, request.getMethod().name(), request.getURI());
		try {
			return new TrackedClientHttpResponse(execution.execute(request, body), this.calls, call);
		}
		catch (IOException | RuntimeException | Error ex) {
			this.calls.end(call, ex);
			throw ex;
		}
	}

}
