package dev.cleanup.tracking;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A response that ends its call's tracking when closed.
 *
 * @author cleanup contributors
 */
final class TrackedClientHttpResponse implements ClientHttpResponse {

	private final ClientHttpResponse response;

	private final InFlightCalls calls;

	private final InFlightCall call;

	TrackedClientHttpResponse(ClientHttpResponse response, InFlightCalls calls, InFlightCall call) {
		this.response = response;
		this.calls = calls;
		this.call = call;
	}

	@Override
	public HttpStatusCode getStatusCode() throws IOException {
		return this.response.getStatusCode();
	}

	@Override
	public String getStatusText() throws IOException {
		return this.response.getStatusText();
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.response.getHeaders();
	}

	@Override
	public InputStream getBody() throws IOException {
		try {
			return this.response.getBody();
		}
		catch (IOException | RuntimeException ex) {
			this.calls.end(this.call, ex);
			throw ex;
		}
	}

	@Override
	public void close() {
		try {
			this.response.close();
		}
		finally {
			this.calls.end(this.call, null);
		}
	}

}
