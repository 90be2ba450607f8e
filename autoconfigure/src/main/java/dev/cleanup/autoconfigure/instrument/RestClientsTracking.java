package dev.cleanup.autoconfigure.instrument;

import dev.cleanup.tracking.InFlightCalls;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.core.Ordered;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Tracks the calls of every {@code RestClient} and {@code RestTemplate} built from Boot's
 * builders: one customizer of both, last, so that it sees the request factory the other
 * customizers chose. Loaded only where Boot's {@code spring-boot-restclient} is.
 *
 * @author cleanup contributors
 */
public final class RestClientsTracking implements RestClientCustomizer, RestTemplateCustomizer, Ordered {

	private final BuilderTracking tracking;

	public RestClientsTracking(ClientPools pools, InFlightCalls calls) {
		this.tracking = new BuilderTracking(pools, calls);
	}

	@Override
	public void customize(RestClient.Builder builder) {
		this.tracking.restClientBuilder(builder);
	}

	@Override
	public void customize(RestTemplate restTemplate) {
		this.tracking.restTemplate(restTemplate);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
