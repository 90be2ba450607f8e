package dev.cleanup.autoconfigure;

import java.time.Duration;

import dev.cleanup.client.reactor.ReactorQuietPeriod;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.tracking.InFlightCalls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Finds outbound HTTP client pools of every stack on the class path: beans of the known
 * client types, and the pools Boot's builders create without exposing them as beans. One
 * bean post-processor and one customizer per builder family serve all stacks, so the
 * starter adds a few beans to an application, not a few per stack.
 *
 * @author cleanup contributors
 */
@Configuration(proxyBeanMethods = false)
@Import(ReactiveWebRequestFactoryConfiguration.class)
class CleanupClientsConfiguration {

	@Bean
	static ClientBeanParticipants cleanupClientBeans(ResourceLoader resourceLoader,
			ObjectProvider<PoolCaptures> captures, ObjectProvider<ReactorGlobalResources> reactorGlobal) {
		ClientLibraries libraries = ClientLibraries.on(resourceLoader.getClassLoader());
		ClientBeanParticipants beans = new ClientBeanParticipants(captures);
		JdkClients.addBeanTypes(beans);
		if (libraries.apache()) {
			ApacheClients.warnIfLimited();
			ApacheClients.addBeanTypes(beans, libraries.reactive());
		}
		if (libraries.jetty()) {
			JettyClients.addBeanTypes(beans);
		}
		if (libraries.reactor()) {
			ReactorClients.addBeanTypes(beans, reactorGlobal);
		}
		return beans;
	}

	@Bean
	@ConditionalOnClass(name = ClientLibraries.REACTOR_CLIENT)
	ReactorGlobalResources cleanupReactorGlobalResources(ParticipantRegistry registry, InFlightCalls calls,
			Environment environment) {
		Duration configured = Binder.get(environment)
			.bind("spring.reactor.netty.shutdown-quiet-period", Duration.class)
			.orElse(null);
		return new ReactorGlobalResources(registry, calls, ReactorQuietPeriod.zeroWhenIdle(configured, calls));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ClientHttpRequestFactoryBuilderCustomizer.class)
	static class FactoryCaptureConfiguration {

		@Bean
		CapturingFactoryBuilderCustomizer cleanupFactoryCapture(ResourceLoader resourceLoader, PoolCaptures captures,
				ObjectProvider<ReactorGlobalResources> reactorGlobal) {
			ClientLibraries libraries = ClientLibraries.on(resourceLoader.getClassLoader());
			BuilderCaptures<ClientHttpRequestFactoryBuilder<?>> builders = new BuilderCaptures<>();
			JdkClients.addFactoryCapture(builders, captures);
			if (libraries.apache()) {
				ApacheClients.addFactoryCapture(builders, captures);
			}
			if (libraries.jetty()) {
				JettyClients.addFactoryCapture(builders, captures);
			}
			if (libraries.reactor()) {
				ReactorClients.addFactoryCapture(builders, captures, reactorGlobal.getObject());
			}
			return new CapturingFactoryBuilderCustomizer(builders);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = { "org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer",
					ClientLibraries.REACTIVE_CONNECTOR, ClientLibraries.MONO })
	static class ConnectorCaptureConfiguration {

		@Bean
		ClientHttpConnectorBuilderCustomizer<ClientHttpConnectorBuilder<?>> cleanupConnectorCapture(
				ResourceLoader resourceLoader, PoolCaptures captures,
				ObjectProvider<ReactorGlobalResources> reactorGlobal) {
			ClientLibraries libraries = ClientLibraries.on(resourceLoader.getClassLoader());
			BuilderCaptures<ClientHttpConnectorBuilder<?>> builders = new BuilderCaptures<>();
			JdkClients.addConnectorCapture(builders, captures);
			if (libraries.apache()) {
				ApacheClients.addConnectorCapture(builders);
			}
			if (libraries.jetty()) {
				JettyClients.addConnectorCapture(builders, captures);
			}
			if (libraries.reactor()) {
				ReactorClients.addConnectorCapture(builders, captures, reactorGlobal.getObject());
			}
			return builders::apply;
		}

	}

}
