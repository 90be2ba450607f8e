package dev.cleanup.autoconfigure;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientConfig;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.netty.transport.ClientTransportConfig;

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
		ConnectionProvider provider = ownProvider(client);
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
	 * Return the provider an HTTP client was given, or {@code null} when it uses the
	 * global resources. The public {@code configuration().connectionProvider()} answers
	 * too, but for a client without a provider of its own it creates the global resources
	 * (event loops and pool) at once, at startup, where plain Boot creates them at the
	 * first call. So the provider the client was configured with is read instead: Reactor
	 * Netty's package-private {@code HttpConnectionProvider}, whose
	 * {@code http1ConnectionProvider} is {@code null} for the global one. Where that
	 * cannot be read, the public answer is taken.
	 */
	static @Nullable ConnectionProvider ownProvider(HttpClient client) {
		HttpClientConfig config = client.configuration();
		Object configured = fieldValue(ClientTransportConfig.class, "connectionProvider", config);
		if (configured != null && configured.getClass().getName().equals(HTTP_CONNECTION_PROVIDER)) {
			Field http1 = ReflectionUtils.findField(configured.getClass(), "http1ConnectionProvider");
			if (http1 != null) {
				try {
					ReflectionUtils.makeAccessible(http1);
					return (ConnectionProvider) http1.get(configured);
				}
				catch (RuntimeException | IllegalAccessException ex) {
					// fall back to the public answer
				}
			}
		}
		else if (configured instanceof ConnectionProvider provider) {
			return provider;
		}
		return config.connectionProvider();
	}

	private static @Nullable Object fieldValue(Class<?> type, String name, Object target) {
		Field field = ReflectionUtils.findField(type, name);
		if (field == null) {
			return null;
		}
		try {
			ReflectionUtils.makeAccessible(field);
			return field.get(target);
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
