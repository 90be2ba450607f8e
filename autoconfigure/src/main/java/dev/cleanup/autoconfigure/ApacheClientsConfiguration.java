package dev.cleanup.autoconfigure;

import java.lang.ref.WeakReference;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.jspecify.annotations.Nullable;

import dev.cleanup.client.apache.ApacheAsyncTeardown;
import dev.cleanup.client.apache.ApacheClassicTeardown;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.HttpComponentsClientHttpConnector;

/**
 * Finds Apache HttpClient 5 pools: client and connection manager beans, and the pools
 * Boot's builders create.
 *
 * @author cleanup contributors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(CloseableHttpClient.class)
class ApacheClientsConfiguration {

	@Bean
	static ClientBeanParticipants<CloseableHttpClient> cleanupApacheClientBeans(
			ObjectProvider<PoolCaptures> captures) {
		return new ClientBeanParticipants<>(CloseableHttpClient.class, Kind.APACHE_HTTPCLIENT5, Stage.CLOSE,
				(client, inFlight) -> new ApacheClassicTeardown(client, null, inFlight), captures);
	}

	@Bean
	static ClientBeanParticipants<CloseableHttpAsyncClient> cleanupApacheAsyncClientBeans(
			ObjectProvider<PoolCaptures> captures) {
		return new ClientBeanParticipants<>(CloseableHttpAsyncClient.class, Kind.APACHE_HTTPCLIENT5, Stage.CLOSE,
				(client, inFlight) -> new ApacheAsyncTeardown(client, null, inFlight), captures);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpComponentsClientHttpRequestFactoryBuilder.class,
			ClientHttpRequestFactoryBuilderCustomizer.class })
	static class ImperativeCaptureConfiguration {

		@Bean
		CapturingFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> cleanupApacheFactoryCapture(
				PoolCaptures captures) {
			ThreadLocal<PoolingHttpClientConnectionManager> building = new ThreadLocal<>();
			return new CapturingFactoryBuilderCustomizer<>(HttpComponentsClientHttpRequestFactoryBuilder.class,
					(builder) -> builder.withHttpClientCustomizer((clientBuilder) -> {
				if (clientBuilder.getConnManager() instanceof PoolingHttpClientConnectionManager manager) {
					building.set(manager);
				}
			}).withCustomizer((factory) -> {
				PoolingHttpClientConnectionManager manager = building.get();
				building.remove();
				captures.factoryBuilt(factory);
				if (factory.getHttpClient() instanceof CloseableHttpClient client) {
					WeakReference<@Nullable PoolingHttpClientConnectionManager> managerReference = new WeakReference<>(
							manager);
					captures.capture("http-client-apache", Kind.APACHE_HTTPCLIENT5, Stage.CLOSE, client,
							(captured, inFlight) -> new ApacheClassicTeardown(captured, managerReference.get(),
									inFlight));
				}
			}));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpComponentsClientHttpConnectorBuilder.class, ClientHttpConnectorBuilderCustomizer.class })
	static class ReactiveCaptureConfiguration {

		private static final ThreadLocal<PoolingAsyncClientConnectionManager> building = new ThreadLocal<>();

		/**
		 * Boot builds the connector while creating its connector bean; the manager seen
		 * during that build is handed to the bean post-processor below on the same thread.
		 * Only methods returning the concrete builder are used (its withCustomizer would
		 * not).
		 */
		@Bean
		ClientHttpConnectorBuilderCustomizer<HttpComponentsClientHttpConnectorBuilder> cleanupApacheConnectorCapture() {
			return (builder) -> builder.withHttpClientCustomizer((clientBuilder) -> {
				if (clientBuilder.getConnManager() instanceof PoolingAsyncClientConnectionManager manager) {
					building.set(manager);
				}
			});
		}

		@Bean
		static ClientBeanParticipants<HttpComponentsClientHttpConnector> cleanupApacheConnectorBeans(
				ObjectProvider<PoolCaptures> captures) {
			return new ClientBeanParticipants<>(HttpComponentsClientHttpConnector.class, Kind.APACHE_HTTPCLIENT5,
					Stage.CLOSE, (connector, inFlight) -> {
						PoolingAsyncClientConnectionManager manager = building.get();
						building.remove();
						return ApacheAsyncTeardown.forClientOwner(connector, manager, inFlight);
					}, captures);
		}

	}

}
