package dev.cleanup.autoconfigure;

import dev.cleanup.tracking.InFlightCalls;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Tracks the in-flight calls of every RestClient, RestTemplate and WebClient built from
 * Boot's builders (HTTP service clients included, since Boot applies the same customizers
 * to them), each on the pool behind it ({@link BuilderTracking}), with the customizer
 * types of Spring Boot 4. Spring Boot 3.5's types are served by
 * {@code Boot35TrackingAutoConfiguration}.
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
		RestClientCustomizer cleanupRestClientTracking(ClientPools pools, InFlightCalls calls) {
			return new BuilderTracking(pools, calls)::restClientBuilder;
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		RestTemplateCustomizer cleanupRestTemplateTracking(ClientPools pools, InFlightCalls calls) {
			return new BuilderTracking(pools, calls)::restTemplate;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static class WebClientTrackingConfiguration {

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		WebClientCustomizer cleanupWebClientTracking(ClientPools pools, InFlightCalls calls) {
			return new BuilderTracking(pools, calls)::webClientBuilder;
		}

	}

}
