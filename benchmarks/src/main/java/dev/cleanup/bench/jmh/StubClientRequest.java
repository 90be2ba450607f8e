package dev.cleanup.bench.jmh;

import java.io.OutputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A request that answers at once with a given response, without any I/O.
 *
 * @param getURI the URI
 * @param getMethod the method
 * @param response the response
 * @author cleanup contributors
 */
record StubClientRequest(URI getURI, HttpMethod getMethod, ClientHttpResponse response) implements ClientHttpRequest {

	@Override
	public HttpHeaders getHeaders() {
		return HttpHeaders.EMPTY;
	}

	/**
	 * A fresh map: RestClient copies its request attributes into it.
	 */
	@Override
	public Map<String, Object> getAttributes() {
		return new HashMap<>();
	}

	@Override
	public OutputStream getBody() {
		return OutputStream.nullOutputStream();
	}

	@Override
	public ClientHttpResponse execute() {
		return this.response;
	}

}
