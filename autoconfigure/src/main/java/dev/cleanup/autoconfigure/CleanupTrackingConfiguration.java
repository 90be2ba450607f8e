package dev.cleanup.autoconfigure;

import java.util.List;

import dev.cleanup.client.PrivateField;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import dev.cleanup.tracking.TrackingClientHttpRequestFactory;
import dev.cleanup.tracking.TrackingClientHttpRequestInterceptor;
import dev.cleanup.tracking.TrackingExchangeFilterFunction;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Tracks the in-flight calls of every RestClient, RestTemplate and WebClient built from
 * Boot's builders (HTTP service clients included, since Boot applies the same customizers
 * to them), each on the pool behind it. Boot gives a builder its request factory or
 * connector before it runs the customizers, so each customizer finds it there, in a
 * private field of Spring's builder (Spring offers no getter). Where a field cannot be
 * read, calls are still tracked, not on their pool, and one WARN says so.
 *
 * @author cleanup contributors
 */
@Configuration(proxyBeanMethods = false)
class CleanupTrackingConfiguration {

	private static final String OFF = "Calls of clients built from Spring's builders are tracked, but not on "
			+ "their pools, which are not closed by the starter";

	private static final PrivateField REST_CLIENT_BUILDER_FACTORY = new PrivateField(
			"org.springframework.web.client.DefaultRestClientBuilder", "requestFactory", OFF);

	private static final PrivateField REST_TEMPLATE_FACTORY = new PrivateField(
			"org.springframework.http.client.support.HttpAccessor", "requestFactory", OFF);

	private static final PrivateField WEB_CLIENT_BUILDER_CONNECTOR = new PrivateField(
			"org.springframework.web.reactive.function.client.DefaultWebClientBuilder", "connector", OFF);

	/**
	 * Return the request factory a {@code RestClient.Builder} or a {@code RestTemplate}
	 * holds (for a template, not the intercepting one it wraps it in).
	 * @param field the builder's or template's field
	 * @param holder the builder or template
	 * @return the factory, or {@code null} if none was set or it cannot be read
	 */
	private static @Nullable ClientHttpRequestFactory requestFactoryOf(PrivateField field, Object holder) {
		return (field.read(holder) instanceof ClientHttpRequestFactory factory) ? factory : null;
	}

	/**
	 * RestClient and RestTemplate, whose customizers come in one module of Boot.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class, RestTemplate.class,
			RestTemplateCustomizer.class })
	static class RestClientsTrackingConfiguration {

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		RestClientCustomizer cleanupRestClientTracking(ClientPools pools, InFlightCalls calls) {
			return (builder) -> {
				ClientHttpRequestFactory factory = requestFactoryOf(REST_CLIENT_BUILDER_FACTORY, builder);
				if (factory instanceof TrackingClientHttpRequestFactory) {
					return;
				}
				TrackedClient client = pools.trackedClientFor(factory, ClientPools.FACTORY, "rest-client");
				if (factory != null) {
					// wrapping the factory keeps request bodies unbuffered, unlike an
					// interceptor
					builder.requestFactory(new TrackingClientHttpRequestFactory(factory, calls, client));
				}
				else {
					builder.requestInterceptors((interceptors) -> addOutermost(interceptors, calls, client));
				}
			};
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		RestTemplateCustomizer cleanupRestTemplateTracking(ClientPools pools, InFlightCalls calls) {
			return (restTemplate) -> {
				ClientHttpRequestFactory factory = requestFactoryOf(REST_TEMPLATE_FACTORY, restTemplate);
				if (factory instanceof TrackingClientHttpRequestFactory) {
					return;
				}
				TrackedClient client = pools.trackedClientFor(factory, ClientPools.FACTORY, "rest-template");
				if (factory != null) {
					// wrapping the factory keeps request bodies unbuffered, unlike an
					// interceptor
					restTemplate.setRequestFactory(new TrackingClientHttpRequestFactory(factory, calls, client));
				}
				else {
					addOutermost(restTemplate.getInterceptors(), calls, client);
				}
			};
		}

		/**
		 * Track calls by an interceptor where the factory cannot be read: outermost, so
		 * that a retrying interceptor's attempts count as one call.
		 */
		private static void addOutermost(List<ClientHttpRequestInterceptor> interceptors, InFlightCalls calls,
				TrackedClient client) {
			if (interceptors.stream().noneMatch(TrackingClientHttpRequestInterceptor.class::isInstance)) {
				interceptors.add(0, new TrackingClientHttpRequestInterceptor(calls, client));
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static class WebClientTrackingConfiguration {

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		WebClientCustomizer cleanupWebClientTracking(ClientPools pools, InFlightCalls calls) {
			return (builder) -> builder.filters((filters) -> {
				if (filters.stream().noneMatch(TrackingExchangeFilterFunction.class::isInstance)) {
					TrackedClient client = pools.trackedClientFor(WEB_CLIENT_BUILDER_CONNECTOR.read(builder),
							ClientPools.CONNECTOR, "web-client");
					filters.add(0, new TrackingExchangeFilterFunction(calls, client));
				}
			});
		}

	}

}
