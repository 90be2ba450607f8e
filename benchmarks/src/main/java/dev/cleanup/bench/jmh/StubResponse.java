package dev.cleanup.bench.jmh;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * An empty 200 response, without any I/O.
 *
 * @author cleanup contributors
 */
final class StubResponse implements ClientHttpResponse {

	@Override
	public HttpStatusCode getStatusCode() {
		return HttpStatus.OK;
	}

	@Override
	public String getStatusText() {
		return "OK";
	}

	@Override
	public HttpHeaders getHeaders() {
		return HttpHeaders.EMPTY;
	}

	@Override
	public InputStream getBody() {
		return new ByteArrayInputStream(new byte[0]);
	}

	@Override
	public void close() {
	}

}
