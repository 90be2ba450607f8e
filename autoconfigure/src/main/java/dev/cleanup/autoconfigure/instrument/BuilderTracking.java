package dev.cleanup.autoconfigure.instrument;

import java.util.List;

import dev.cleanup.client.PrivateField;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import dev.cleanup.tracking.TrackingClientHttpRequestFactory;
import dev.cleanup.tracking.TrackingClientHttpRequestInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * What the starter's customizers of Boot's builders do, the same on every Boot line (the
 * customizer types differ): track the calls of each client on the pool behind it. Boot
 * gives a builder its request factory or connector before it runs the customizers, so
 * each customization finds it there, in a private field of Spring's builder (Spring
 * offers no getter). Where a field cannot be read, calls are still tracked, not on their
 * pool, and one WARN says so.
 *
 * @author cleanup contributors
 */
public final class BuilderTracking {

	static final String OFF = "Calls of clients built from Spring's builders are tracked, but not on "
			+ "their pools, which are not closed by the starter";

	private final ClientPools pools;

	private final InFlightCalls calls;

	public BuilderTracking(ClientPools pools, InFlightCalls calls) {
		this.pools = pools;
		this.calls = calls;
	}

	/**
	 * Track the calls of the clients a {@code RestClient.Builder} builds.
	 * @param builder the builder, being customized by Boot
	 */
	public void restClientBuilder(RestClient.Builder builder) {
		ClientHttpRequestFactory factory = requestFactoryOf(RequestFactoryFields.REST_CLIENT_BUILDER, builder);
		if (factory instanceof TrackingClientHttpRequestFactory) {
			return;
		}
		TrackedClient client = this.pools.trackedClientFor(factory, ClientPools.FACTORY, "rest-client");
		if (factory != null) {
			// wrapping the factory keeps request bodies unbuffered, unlike an interceptor
			builder.requestFactory(new TrackingClientHttpRequestFactory(factory, this.calls, client));
		}
		else {
			builder.requestInterceptors((interceptors) -> addOutermost(interceptors, client));
		}
	}

	/**
	 * Track the calls of a {@code RestTemplate} built by Boot's builder.
	 * @param restTemplate the template, being customized by Boot
	 */
	public void restTemplate(RestTemplate restTemplate) {
		ClientHttpRequestFactory factory = requestFactoryOf(RequestFactoryFields.REST_TEMPLATE, restTemplate);
		if (factory instanceof TrackingClientHttpRequestFactory) {
			return;
		}
		TrackedClient client = this.pools.trackedClientFor(factory, ClientPools.FACTORY, "rest-template");
		if (factory != null) {
			// wrapping the factory keeps request bodies unbuffered, unlike an interceptor
			restTemplate.setRequestFactory(new TrackingClientHttpRequestFactory(factory, this.calls, client));
		}
		else {
			addOutermost(restTemplate.getInterceptors(), client);
		}
	}

	/**
	 * Return the request factory a {@code RestClient.Builder} or a {@code RestTemplate}
	 * holds (for a template, not the intercepting one it wraps it in).
	 */
	private static @Nullable ClientHttpRequestFactory requestFactoryOf(PrivateField field, Object holder) {
		return (field.read(holder) instanceof ClientHttpRequestFactory factory) ? factory : null;
	}

	/**
	 * Track calls by an interceptor where the factory cannot be read: outermost, so that
	 * a retrying interceptor's attempts count as one call.
	 */
	private void addOutermost(List<ClientHttpRequestInterceptor> interceptors, TrackedClient client) {
		if (interceptors.stream().noneMatch(TrackingClientHttpRequestInterceptor.class::isInstance)) {
			interceptors.add(0, new TrackingClientHttpRequestInterceptor(this.calls, client));
		}
	}

}
