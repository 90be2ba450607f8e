package dev.cleanup.autoconfigure;

import dev.cleanup.autoconfigure.instrument.ClientPools;

import dev.cleanup.autoconfigure.instrument.Boot35RestTemplateBuilderTracking;
import dev.cleanup.autoconfigure.instrument.BuilderTracking;
import dev.cleanup.autoconfigure.instrument.WebClientInstrumentation;

import dev.cleanup.tracking.InFlightCalls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.boot.web.reactive.function.client.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the tracking of Boot's builders
 * on Spring Boot 3.5, whose customizer types live in other packages than Boot 4's: the
 * same {@link BuilderTracking} behind them. Compiled against Spring Boot 3.5's API from
 * {@code src/boot35/java} into the same jar, and loaded only on that line.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@AutoConfiguration(after = CleanupAutoConfiguration.class)
@ConditionalOnClass(name = BootLines.BOOT_35)
@ConditionalOnBean(ClientPools.class)
final class Boot35TrackingAutoConfiguration {

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

		@Bean
		static Boot35RestTemplateBuilderTracking cleanupRestTemplateBuilderTracking(ObjectProvider<ClientPools> pools,
				ObjectProvider<InFlightCalls> calls) {
			return new Boot35RestTemplateBuilderTracking(pools, calls);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ WebClient.class, WebClientCustomizer.class })
	static class WebClientTrackingConfiguration {

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		WebClientCustomizer cleanupWebClientTracking(ClientPools pools, InFlightCalls calls) {
			return new WebClientInstrumentation(pools, calls)::trackBuilder;
		}

	}

}
