package dev.cleanup.autoconfigure;

import dev.cleanup.autoconfigure.instrument.ClientPools;

import dev.cleanup.autoconfigure.instrument.WebClientInstrumentation;

import dev.cleanup.tracking.InFlightCalls;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Hands a {@link WebClient} the application built by hand, and that is no bean, to the
 * starter in one call: its calls are tracked under the given name, and its pool becomes a
 * participant of that name, drained and closed on shutdown like any other.
 *
 * <pre class="code">
 * WebClient payments = cleanupWebClients.adopt("payments", WebClient.create(url));
 * </pre>
 *
 * Adopting again under a name already used reuses it, so names and meter tags stay
 * bounded however many clients are adopted; a client already tracked is returned as it
 * is. Clients are rebuilt on the very connector they hold, so no second pool is created:
 * use the client returned.
 * <p>
 * A bean of this type exists wherever {@code spring-webflux} is on the class path;
 * {@link CleanupClients} does the same for RestClients and RestTemplates.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class CleanupWebClients {

	private final ClientPools pools;

	private final InFlightCalls calls;

	CleanupWebClients(ClientPools pools, InFlightCalls calls) {
		this.pools = pools;
		this.calls = calls;
	}

	/**
	 * Track a WebClient's calls under a name.
	 * @param name the name, as shown in the endpoint, the report and meter tags
	 * @param client the client
	 * @return the client to use from now on
	 */
	public WebClient adopt(String name, WebClient client) {
		return new WebClientInstrumentation(this.pools, this.calls).webClient(client, ClientPools.Owner.adopted(name));
	}

	/**
	 * Track the calls of every client a WebClient builder builds, each on its own pool.
	 * @param builder the builder
	 * @return the builder to use from now on
	 */
	public WebClient.Builder adopt(WebClient.Builder builder) {
		return new WebClientInstrumentation(this.pools, this.calls).webClientBuilder(builder);
	}

}
