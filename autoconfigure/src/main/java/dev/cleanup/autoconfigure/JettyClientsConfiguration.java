package dev.cleanup.autoconfigure;

import org.eclipse.jetty.client.HttpClient;

import dev.cleanup.client.jetty.JettyTeardown;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.autoconfigure.reactive.ClientHttpConnectorBuilderCustomizer;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Finds Jetty 12 clients: beans, and the clients Boot's builders create, which nothing
 * else ever stops and whose non-daemon threads keep a JVM alive.
 *
 * @author cleanup contributors
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HttpClient.class)
class JettyClientsConfiguration {

	@Bean
	static ClientBeanParticipants<HttpClient> cleanupJettyClientBeans(ObjectProvider<PoolCaptures> captures) {
		return new ClientBeanParticipants<>(HttpClient.class, Kind.JETTY_HTTPCLIENT, Stage.CLOSE, JettyTeardown::new,
				captures);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JettyClientHttpRequestFactoryBuilder.class,
			ClientHttpRequestFactoryBuilderCustomizer.class })
	static class ImperativeCaptureConfiguration {

		@Bean
		CapturingFactoryBuilderCustomizer<JettyClientHttpRequestFactoryBuilder> cleanupJettyFactoryCapture(
				PoolCaptures captures) {
			return new CapturingFactoryBuilderCustomizer<>(JettyClientHttpRequestFactoryBuilder.class,
					(builder) -> builder
						.withHttpClientCustomizer((client) -> captures.capture("http-client-jetty",
								Kind.JETTY_HTTPCLIENT, Stage.CLOSE, client, JettyTeardown::new))
						.withCustomizer(captures::factoryBuilt));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JettyClientHttpConnectorBuilder.class, ClientHttpConnectorBuilderCustomizer.class })
	static class ReactiveCaptureConfiguration {

		@Bean
		ClientHttpConnectorBuilderCustomizer<JettyClientHttpConnectorBuilder> cleanupJettyConnectorCapture(
				PoolCaptures captures) {
			return (builder) -> builder.withHttpClientCustomizer((client) -> captures.capture("http-connector-jetty",
					Kind.JETTY_HTTPCLIENT, Stage.CLOSE, client, JettyTeardown::new));
		}

	}

}
