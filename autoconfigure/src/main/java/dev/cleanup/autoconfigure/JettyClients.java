package dev.cleanup.autoconfigure;

import dev.cleanup.client.jetty.JettyTeardown;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;
import org.eclipse.jetty.client.HttpClient;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JettyClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JettyClientHttpConnectorBuilder;

/**
 * Finds Jetty 12 clients: beans, and the clients Boot's builders create, which nothing
 * else ever stops and whose non-daemon threads keep a JVM alive.
 *
 * @author cleanup contributors
 */
final class JettyClients {

	private JettyClients() {
	}

	static void addBeanTypes(ClientBeanParticipants beans) {
		beans.add(HttpClient.class, Kind.JETTY_HTTPCLIENT, Stage.CLOSE, JettyTeardown::new);
	}

	static void addFactoryCapture(BuilderCaptures<ClientHttpRequestFactoryBuilder<?>> builders, PoolCaptures captures) {
		builders.add(JettyClientHttpRequestFactoryBuilder.class,
				(builder) -> builder
					.withHttpClientCustomizer((client) -> captures.capture("http-client-jetty", Kind.JETTY_HTTPCLIENT,
							Stage.CLOSE, client, JettyTeardown::new))
					.withCustomizer(captures::factoryBuilt));
	}

	static void addConnectorCapture(BuilderCaptures<ClientHttpConnectorBuilder<?>> builders, PoolCaptures captures) {
		builders.add(JettyClientHttpConnectorBuilder.class,
				(builder) -> builder.withHttpClientCustomizer((client) -> captures.capture("http-connector-jetty",
						Kind.JETTY_HTTPCLIENT, Stage.CLOSE, client, JettyTeardown::new)));
	}

}
