package dev.cleanup.autoconfigure.instrument;

import dev.cleanup.tracking.InFlightCalls;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Tracks the calls of every {@code WebClient} built from Boot's builder, last among its
 * customizers, so that it sees the connector the others chose. Loaded only where Boot's
 * {@code spring-boot-webclient} is.
 *
 * @author cleanup contributors
 */
public final class WebClientsTracking implements WebClientCustomizer, Ordered {

	private final WebClientInstrumentation instrumentation;

	public WebClientsTracking(ClientPools pools, InFlightCalls calls) {
		this.instrumentation = new WebClientInstrumentation(pools, calls);
	}

	@Override
	public void customize(WebClient.Builder builder) {
		this.instrumentation.trackBuilder(builder);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
