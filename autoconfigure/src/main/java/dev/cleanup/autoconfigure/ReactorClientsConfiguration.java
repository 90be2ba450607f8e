package dev.cleanup.autoconfigure;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import dev.cleanup.client.reactor.ReactorConnectionProviderTeardown;
import dev.cleanup.client.reactor.ReactorGlobalResourcesTeardown;
import dev.cleanup.client.reactor.ReactorLoopResourcesTeardown;
import dev.cleanup.client.reactor.ReactorQuietPeriod;
import dev.cleanup.core.InFlightSource;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.Stage;
import dev.cleanup.tracking.InFlightCalls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Finds Reactor Netty resources. The global {@link HttpResources} (Boot's default, shared
 * by every Reactor client and a WebFlux server) become one participant,
 * {@value ReactorGlobalResources#NAME}, disposed in the dispose stage, before Spring's
 * {@link ReactorResourceFactory} (phase 0) would, and without Netty's 2 s quiet period
 * when nothing is in flight, unless {@code spring.reactor.netty.shutdown-quiet-period} is
 * set, which wins. A resource factory with private resources is disposed the same way,
 * under its bean name. Private connection providers and loop resources (beans, or built
 * by Boot's builders) become participants of their own.
 *
 * @author cleanup contributors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HttpClient.class)
class ReactorClientsConfiguration {

	private static final String HTTP_CONNECTION_PROVIDER = "reactor.netty.http.client.HttpConnectionProvider";

	@Bean
	ReactorGlobalResources cleanupReactorGlobalResources(ParticipantRegistry registry, InFlightCalls calls,
			Environment environment) {
		Duration configured = Binder.get(environment)
			.bind("spring.reactor.netty.shutdown-quiet-period", Duration.class)
			.orElse(null);
		return new ReactorGlobalResources(registry, calls, ReactorQuietPeriod.zeroWhenIdle(configured, calls));
	}

	@Bean
	static ClientBeanParticipants<ConnectionProvider> cleanupReactorConnectionProviderBeans(
			ObjectProvider<PoolCaptures> captures) {
		return new ClientBeanParticipants<>(ConnectionProvider.class, Kind.REACTOR_NETTY, Stage.CLOSE,
				ReactorConnectionProviderTeardown::new, captures);
	}

	@Bean
	static ClientBeanParticipants<LoopResources> cleanupReactorLoopResourcesBeans(
			ObjectProvider<PoolCaptures> captures, ObjectProvider<ReactorGlobalResources> global) {
		return new ClientBeanParticipants<>(LoopResources.class, Kind.REACTOR_NETTY, Stage.DISPOSE,
				(loops, inFlight) -> new ReactorLoopResourcesTeardown(loops, inFlight,
						global.getObject().quietPeriod(), ReactorGlobalResources.SHUTDOWN_TIMEOUT),
				captures);
	}

	@Bean
	static BeanPostProcessor cleanupReactorResourceFactoryBeans(ObjectProvider<ReactorGlobalResources> global,
			ObjectProvider<PoolCaptures> captures) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof ReactorResourceFactory factory) {
					if (factory.isUseGlobalResources()) {
						global.getObject().ensureRegistered();
					}
					else {
						ReactorQuietPeriod quietPeriod = global.getObject().quietPeriod();
						captures.getObject()
							.registerBean(beanName, Kind.REACTOR_NETTY, Stage.DISPOSE, factory,
									(resources, inFlight) -> new ReactorResourceFactoryTeardown(resources,
											global.getObject().inFlight(), quietPeriod,
											ReactorGlobalResources.SHUTDOWN_TIMEOUT));
					}
				}
				return bean;
			}

		};
	}

	static HttpClient capture(PoolCaptures captures, ReactorGlobalResources global, String baseName,
			HttpClient client) {
		ConnectionProvider provider = unwrap(client.configuration().connectionProvider());
		if (provider == null || provider instanceof HttpResources) {
			global.ensureRegistered();
		}
		else {
			captures.capture(baseName, Kind.REACTOR_NETTY, Stage.CLOSE, provider,
					ReactorConnectionProviderTeardown::new);
		}
		return client;
	}

	/**
	 * Return the provider an HTTP client really uses. Reactor Netty wraps it in its
	 * package-private {@code HttpConnectionProvider}, whose {@code http1ConnectionProvider}
	 * is the given provider, or {@code null} for the global one; if that cannot be read,
	 * the global resources are assumed, which the dispose stage closes anyway.
	 */
	static @Nullable ConnectionProvider unwrap(ConnectionProvider provider) {
		if (!provider.getClass().getName().equals(HTTP_CONNECTION_PROVIDER)) {
			return provider;
		}
		Field field = ReflectionUtils.findField(provider.getClass(), "http1ConnectionProvider");
		if (field == null) {
			return null;
		}
		try {
			ReflectionUtils.makeAccessible(field);
			return (ConnectionProvider) field.get(provider);
		}
		catch (RuntimeException | IllegalAccessException ex) {
			return null;
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ReactorClientHttpRequestFactoryBuilder.class,
			ClientHttpRequestFactoryBuilderCustomizer.class })
	static class ImperativeCaptureConfiguration {

		@Bean
		CapturingFactoryBuilderCustomizer<ReactorClientHttpRequestFactoryBuilder> cleanupReactorFactoryCapture(
				PoolCaptures captures, ReactorGlobalResources global) {
			return new CapturingFactoryBuilderCustomizer<>(ReactorClientHttpRequestFactoryBuilder.class,
					(builder) -> builder
						.withHttpClientCustomizer((client) -> capture(captures, global, "http-client-reactor", client))
						.withCustomizer(captures::factoryBuilt));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ReactorClientHttpConnectorBuilder.class, ClientHttpConnectorBuilderCustomizer.class })
	static class ReactiveCaptureConfiguration {

		@Bean
		ClientHttpConnectorBuilderCustomizer<ReactorClientHttpConnectorBuilder> cleanupReactorConnectorCapture(
				PoolCaptures captures, ReactorGlobalResources global) {
			return (builder) -> builder
				.withHttpClientCustomizer((client) -> capture(captures, global, "http-connector-reactor", client));
		}

	}

	/**
	 * The participant for Reactor Netty's global resources, registered once, when a
	 * client or a resource factory is seen to use them.
	 */
	static final class ReactorGlobalResources {

		static final String NAME = "reactor-http";

		static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(LoopResources.DEFAULT_SHUTDOWN_TIMEOUT);

		private final ParticipantRegistry registry;

		private final InFlightSource inFlight;

		private final ReactorQuietPeriod quietPeriod;

		private final AtomicBoolean registered = new AtomicBoolean();

		private volatile @Nullable Participant participant;

		ReactorGlobalResources(ParticipantRegistry registry, InFlightSource inFlight, ReactorQuietPeriod quietPeriod) {
			this.registry = registry;
			this.inFlight = inFlight;
			this.quietPeriod = quietPeriod;
		}

		ReactorQuietPeriod quietPeriod() {
			return this.quietPeriod;
		}

		InFlightSource inFlight() {
			return this.inFlight;
		}

		void ensureRegistered() {
			if (this.registered.compareAndSet(false, true)) {
				this.participant = this.registry.register(Participant.builder(NAME)
					.kind(Kind.REACTOR_NETTY)
					.stage(Stage.DISPOSE)
					.teardown(new ReactorGlobalResourcesTeardown(this.inFlight, this.quietPeriod, SHUTDOWN_TIMEOUT))
					.build());
			}
		}

		@Nullable Participant participant() {
			return this.participant;
		}

	}

}
