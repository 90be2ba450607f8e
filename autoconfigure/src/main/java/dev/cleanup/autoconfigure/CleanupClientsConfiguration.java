package dev.cleanup.autoconfigure;

import java.time.Duration;

import dev.cleanup.client.ClientStacks;
import dev.cleanup.client.feign.FeignCallTracking;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.tracking.InFlightCalls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Finds outbound HTTP client pools of every stack on the class path: beans of the known
 * pool types, and the pools inside the request factories and connectors of the clients
 * the application builds. One bean post-processor serves all stacks, so the starter adds
 * a few beans to an application, not a few per stack.
 *
 * @author cleanup contributors
 */
@Configuration(proxyBeanMethods = false)
class CleanupClientsConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ClientPools cleanupClientPools(ResourceLoader resourceLoader, Environment environment,
			ObjectProvider<ParticipantRegistry> registry, ObjectProvider<InFlightCalls> calls) {
		Duration quietPeriod = Binder.get(environment)
			.bind("spring.reactor.netty.shutdown-quiet-period", Duration.class)
			.orElse(null);
		return new ClientPools(ClientStacks.detect(resourceLoader.getClassLoader(), quietPeriod), registry, calls);
	}

	/**
	 * The adopt API of RestClients and RestTemplates, where {@code spring-web} is.
	 * Nested, so that no method of a class that loads without {@code spring-web} names
	 * it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.web.client.RestClient")
	static class RestClientsAdoptionConfiguration {

		@Bean
		CleanupClients cleanupClients(ClientPools pools, InFlightCalls calls) {
			return new CleanupClients(pools, calls);
		}

	}

	/**
	 * The adopt API of WebClients, where {@code spring-webflux} is.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.web.reactive.function.client.WebClient")
	static class WebClientsAdoptionConfiguration {

		@Bean
		CleanupWebClients cleanupWebClients(ClientPools pools, InFlightCalls calls) {
			return new CleanupWebClients(pools, calls);
		}

	}

	@Bean(ResourceStopHooks.BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ResourceStopHooks cleanupResourceStopHooks(ConfigurableApplicationContext context) {
		return new ResourceStopHooks(context);
	}

	@Bean
	static CleanupBeanPostProcessor cleanupBeanPostProcessor(ClientPools pools, ResourceStopHooks stopHooks,
			ObjectProvider<InFlightCalls> calls, ObjectProvider<TimeoutTaskCensus> census,
			ObjectProvider<ShutdownCoordinator> coordinator) {
		return new CleanupBeanPostProcessor(pools, stopHooks, calls, census, coordinator);
	}

	/**
	 * OpenFeign's clients, tracked through Feign's capability hook, under their names.
	 * The condition names the starter's own capability, which loads only where Feign is
	 * on the class path, so that Feign's types are named in its package alone (the
	 * condition is read from the class file, without loading the class).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(FeignCallTracking.class)
	static class FeignTrackingConfiguration {

		@Bean
		FeignCallTracking cleanupFeignCallTracking(ClientPools pools, InFlightCalls calls,
				ConfigurableListableBeanFactory beanFactory) {
			return new FeignCallTracking((name, transport) -> pools
				.callTracking(pools.placeOnPoolsOf(calls.namedClient(name), transport, beanFactory)));
		}

	}

}
