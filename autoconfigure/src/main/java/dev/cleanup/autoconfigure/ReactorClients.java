package dev.cleanup.autoconfigure;

import java.lang.reflect.Field;

import dev.cleanup.client.reactor.ReactorConnectionProviderTeardown;
import dev.cleanup.client.reactor.ReactorLoopResourcesTeardown;
import dev.cleanup.client.reactor.ReactorQuietPeriod;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.HttpResources;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientConfig;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.netty.transport.ClientTransportConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ReactorClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
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
final class ReactorClients {

	private static final String HTTP_CONNECTION_PROVIDER = "reactor.netty.http.client.HttpConnectionProvider";

	private ReactorClients() {
	}

	static void addBeanTypes(ClientBeanParticipants beans, ObjectProvider<ReactorGlobalResources> global) {
		beans.add(ConnectionProvider.class, Kind.REACTOR_NETTY, Stage.CLOSE, ReactorConnectionProviderTeardown::new);
		beans.add(LoopResources.class, Kind.REACTOR_NETTY, Stage.DISPOSE,
				(loops, inFlight) -> new ReactorLoopResourcesTeardown(loops, inFlight, global.getObject().quietPeriod(),
						ReactorGlobalResources.SHUTDOWN_TIMEOUT));
		beans.add(ReactorResourceFactory.class, (factory, beanName, captures) -> {
			ReactorGlobalResources resources = global.getObject();
			if (factory.isUseGlobalResources()) {
				resources.ensureRegistered();
				return;
			}
			ReactorQuietPeriod quietPeriod = resources.quietPeriod();
			captures.registerBean(beanName, Kind.REACTOR_NETTY, Stage.DISPOSE, factory,
					(bean, inFlight) -> new ReactorResourceFactoryTeardown(bean, resources.inFlight(), quietPeriod,
							ReactorGlobalResources.SHUTDOWN_TIMEOUT));
		});
	}

	static void addFactoryCapture(BuilderCaptures<ClientHttpRequestFactoryBuilder<?>> builders, PoolCaptures captures,
			ReactorGlobalResources global) {
		builders.add(ReactorClientHttpRequestFactoryBuilder.class,
				(builder) -> builder
					.withHttpClientCustomizer((client) -> capture(captures, global, "http-client-reactor", client))
					.withCustomizer(captures::factoryBuilt));
	}

	static void addConnectorCapture(BuilderCaptures<ClientHttpConnectorBuilder<?>> builders, PoolCaptures captures,
			ReactorGlobalResources global) {
		builders.add(ReactorClientHttpConnectorBuilder.class, (builder) -> builder
			.withHttpClientCustomizer((client) -> capture(captures, global, "http-connector-reactor", client)));
	}

	private static HttpClient capture(PoolCaptures captures, ReactorGlobalResources global, String baseName,
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

}
