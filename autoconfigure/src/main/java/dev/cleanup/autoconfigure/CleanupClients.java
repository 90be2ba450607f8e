package dev.cleanup.autoconfigure;

import dev.cleanup.autoconfigure.instrument.ClientPools;

import dev.cleanup.autoconfigure.instrument.ClientInstrumentation;

import dev.cleanup.tracking.InFlightCalls;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Hands a {@link RestClient} or {@link RestTemplate} the application built by hand, and
 * that is no bean, to the starter in one call: its calls are tracked under the given
 * name, and its pool becomes a participant of that name, drained and closed on shutdown
 * like any other.
 *
 * <pre class="code">
 * RestClient payments = cleanupClients.adopt("payments", RestClient.create(url));
 * </pre>
 *
 * Adopting again under a name already used reuses it, so names and meter tags stay
 * bounded however many clients are adopted; a client already tracked is returned as it
 * is. Clients are rebuilt on the very request factory they hold, so no second pool is
 * created: use the client returned.
 * <p>
 * A bean of this type exists wherever {@code spring-web} is on the class path;
 * {@link CleanupWebClients} does the same for WebClients where {@code spring-webflux} is,
 * as Spring Boot separates its RestClient and WebClient support.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class CleanupClients {

	private final ClientPools pools;

	private final InFlightCalls calls;

	CleanupClients(ClientPools pools, InFlightCalls calls) {
		this.pools = pools;
		this.calls = calls;
	}

	/**
	 * Track a RestClient's calls under a name.
	 * @param name the name, as shown in the endpoint, the report and meter tags
	 * @param client the client
	 * @return the client to use from now on
	 */
	public RestClient adopt(String name, RestClient client) {
		return new ClientInstrumentation(this.pools, this.calls).restClient(client, ClientPools.Owner.adopted(name));
	}

	/**
	 * Track a RestTemplate's calls under a name; the template is changed in place, by one
	 * write of its request factory, so it may already be serving calls on other threads.
	 * Where it has interceptors of its own, each attempt of a retrying one is tracked as
	 * a call.
	 * @param name the name
	 * @param template the template
	 * @return the same template
	 */
	public RestTemplate adopt(String name, RestTemplate template) {
		new ClientInstrumentation(this.pools, this.calls).restTemplateInUse(template, ClientPools.Owner.adopted(name));
		return template;
	}

	/**
	 * Track the calls of every client a RestClient builder builds, each on its own pool.
	 * @param builder the builder
	 * @return the builder to use from now on
	 */
	public RestClient.Builder adopt(RestClient.Builder builder) {
		return new ClientInstrumentation(this.pools, this.calls).restClientBuilder(builder);
	}

}
