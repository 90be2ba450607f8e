package dev.cleanup.tracking;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.StreamingHttpOutputMessage;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Tracks each call of a RestClient from its execution until its response is closed, by
 * wrapping the request factory rather than adding an interceptor: with an interceptor,
 * RestClient buffers every request body, which a streaming upload must not suffer.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class TrackingClientHttpRequestFactory implements ClientHttpRequestFactory {

	private final ClientHttpRequestFactory delegate;

	private final InFlightCalls calls;

	private final TrackedClient client;

	/**
	 * Create a tracking factory.
	 * @param delegate the factory that makes the requests
	 * @param calls where calls are tracked
	 * @param client the client the calls belong to
	 */
	public TrackingClientHttpRequestFactory(ClientHttpRequestFactory delegate, InFlightCalls calls,
			TrackedClient client) {
		this.delegate = delegate;
		this.calls = calls;
		this.client = client;
	}

	/**
	 * Return the factory that makes the requests.
	 * @return the delegate
	 */
	public ClientHttpRequestFactory getDelegate() {
		return this.delegate;
	}

	/**
	 * Return the client this factory tracks calls for.
	 * @return the client
	 */
	public TrackedClient client() {
		return this.client;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		ClientHttpRequest request = this.delegate.createRequest(uri, httpMethod);
		// Keep streaming requests streaming: RestClient writes to them through setBody
		return (request instanceof StreamingHttpOutputMessage) ? new StreamingTrackedRequest(request)
				: new TrackedRequest(request);
	}

	private class TrackedRequest implements ClientHttpRequest {

		final ClientHttpRequest request;

		TrackedRequest(ClientHttpRequest request) {
			this.request = request;
		}

		@Override
		public ClientHttpResponse execute() throws IOException {
			InFlightCall call = TrackingClientHttpRequestFactory.this.calls.start(
					TrackingClientHttpRequestFactory.this.client, this.request.getMethod().name(),
					this.request.getURI());
			try {
				return new TrackedClientHttpResponse(this.request.execute(),
						TrackingClientHttpRequestFactory.this.calls, call);
			}
			catch (IOException | RuntimeException | Error ex) {
				TrackingClientHttpRequestFactory.this.calls.end(call, ex);
				throw ex;
			}
		}

		@Override
		public OutputStream getBody() throws IOException {
			return this.request.getBody();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.request.getHeaders();
		}

		@Override
		public HttpMethod getMethod() {
			return this.request.getMethod();
		}

		@Override
		public URI getURI() {
			return this.request.getURI();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.request.getAttributes();
		}

	}

	private final class StreamingTrackedRequest extends TrackedRequest implements StreamingHttpOutputMessage {

		StreamingTrackedRequest(ClientHttpRequest request) {
			super(request);
		}

		@Override
		public void setBody(Body body) {
			((StreamingHttpOutputMessage) this.request).setBody(body);
		}

	}

}
