package dev.cleanup.autoconfigure;

import java.lang.reflect.Field;
import java.net.http.HttpClient;

import dev.cleanup.client.jdk.JdkHttpClientTeardown;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.util.ReflectionUtils;

/**
 * Finds JDK {@code java.net.http.HttpClient}s: beans, and the clients Boot's builders
 * create. Spring's JDK factory and connector do not expose their client, so it is read
 * from their {@code httpClient} field; where that fails, the pool is left alone and a
 * DEBUG line says so.
 *
 * @author cleanup contributors
 */
final class JdkClients {

	private static final Log logger = LogFactory.getLog(JdkClients.class);

	private JdkClients() {
	}

	static void addBeanTypes(ClientBeanParticipants beans) {
		beans.add(HttpClient.class, Kind.JDK_HTTPCLIENT, Stage.CLOSE, JdkHttpClientTeardown::new);
	}

	static void addFactoryCapture(BuilderCaptures<ClientHttpRequestFactoryBuilder<?>> builders, PoolCaptures captures) {
		builders.add(JdkClientHttpRequestFactoryBuilder.class, (builder) -> builder.withCustomizer((factory) -> {
			capture(captures, "http-client-jdk", factory);
			captures.factoryBuilt(factory);
		}));
	}

	static void addConnectorCapture(BuilderCaptures<ClientHttpConnectorBuilder<?>> builders, PoolCaptures captures) {
		builders.add(JdkClientHttpConnectorBuilder.class,
				(builder) -> builder.withCustomizer((connector) -> capture(captures, "http-connector-jdk", connector)));
	}

	private static void capture(PoolCaptures captures, String baseName, Object holder) {
		HttpClient client = httpClientOf(holder);
		if (client != null) {
			captures.capture(baseName, Kind.JDK_HTTPCLIENT, Stage.CLOSE, client, JdkHttpClientTeardown::new);
		}
	}

	static @Nullable HttpClient httpClientOf(Object holder) {
		try {
			Field field = ReflectionUtils.findField(holder.getClass(), "httpClient", HttpClient.class);
			if (field != null) {
				ReflectionUtils.makeAccessible(field);
				return (HttpClient) field.get(holder);
			}
			logger.debug("No httpClient field in " + holder.getClass().getName() + "; its pool is not closed");
		}
		catch (RuntimeException | IllegalAccessException ex) {
			logger.debug("Cannot read the HttpClient of " + holder.getClass().getName(), ex);
		}
		return null;
	}

}
