package dev.cleanup.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import dev.cleanup.tracking.TrackingClientHttpRequestFactory;
import dev.cleanup.tracking.TrackingClientHttpRequestInterceptor;
import dev.cleanup.tracking.TrackingExchangeFilterFunction;

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
 * to them).
 *
 * @author cleanup contributors
 */
@Configuration(proxyBeanMethods = false)
class CleanupTrackingConfiguration {

	/**
	 * RestClient and RestTemplate, whose customizers come in one module of Boot.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class, RestTemplate.class,
			RestTemplateCustomizer.class })
	static class RestClientsTrackingConfiguration {

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		RestClientCustomizer cleanupRestClientTracking(InFlightCalls calls, PoolCaptures captures) {
			return (builder) -> {
				TrackedClient client = captures.clientForNextCustomizer("rest-client");
				ClientHttpRequestFactory factory = captures.takeRecentFactory();
				if (factory != null) {
					// wrapping the factory keeps request bodies unbuffered, unlike an
					// interceptor
					builder.requestFactory(new TrackingClientHttpRequestFactory(factory, calls, client));
				}
				else {
					// a factory the starter did not see built: outermost, so retries
					// count once
					builder.requestInterceptors((interceptors) -> interceptors.add(0,
							new TrackingClientHttpRequestInterceptor(calls, client)));
				}
			};
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		RestTemplateCustomizer cleanupRestTemplateTracking(InFlightCalls calls, PoolCaptures captures) {
			return (restTemplate) -> {
				TrackedClient client = captures.clientForNextCustomizer("rest-template");
				ClientHttpRequestFactory factory = captures.takeRecentFactory();
				if (factory != null && requestFactoryOf(restTemplate) == factory) {
					// wrapping the factory keeps request bodies unbuffered, unlike an
					// interceptor
					restTemplate.setRequestFactory(new TrackingClientHttpRequestFactory(factory, calls, client));
				}
				else {
					// a factory the starter did not see built: outermost, so retries
					// count once
					restTemplate.getInterceptors().add(0, new TrackingClientHttpRequestInterceptor(calls, client));
				}
			};
		}

		/**
		 * Return the request factory a template was given. With interceptors,
		 * {@code getRequestFactory()} answers with an intercepting wrapper instead, so
		 * the interceptors are set aside while it is asked, and put back in their order.
		 */
		private static ClientHttpRequestFactory requestFactoryOf(RestTemplate restTemplate) {
			List<ClientHttpRequestInterceptor> interceptors = restTemplate.getInterceptors();
			if (interceptors.isEmpty()) {
				return restTemplate.getRequestFactory();
			}
			List<ClientHttpRequestInterceptor> setAside = new ArrayList<>(interceptors);
			interceptors.clear();
			try {
				return restTemplate.getRequestFactory();
			}
			finally {
				interceptors.addAll(setAside);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static class WebClientTrackingConfiguration {

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		WebClientCustomizer cleanupWebClientTracking(InFlightCalls calls, PoolCaptures captures) {
			return (builder) -> builder.filters((filters) -> filters.add(0,
					new TrackingExchangeFilterFunction(calls, captures.clientForNextCustomizer("web-client"))));
		}

	}

}
