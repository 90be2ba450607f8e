package dev.cleanup.autoconfigure;

import java.lang.ref.WeakReference;

import dev.cleanup.client.apache.ApacheAsyncTeardown;
import dev.cleanup.client.apache.ApacheClassicTeardown;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.core5.util.VersionInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.HttpComponentsClientHttpConnector;
import org.springframework.util.ClassUtils;

/**
 * Finds Apache HttpClient 5 pools: client and connector beans, and the pools Boot's
 * builders create.
 *
 * @author cleanup contributors
 */
final class ApacheClients {

	/**
	 * The connection manager of the connector Boot is building, seen by the connector
	 * capture and handed to the connector bean's registration on the same thread: Boot
	 * builds the connector while creating its connector bean.
	 */
	private static final ThreadLocal<PoolingAsyncClientConnectionManager> buildingConnector = new ThreadLocal<>();

	/**
	 * Whether Apache's builders tell the connection manager they were given
	 * ({@code getConnManager()}, added in HttpClient 5.6): without it, the pools Boot's
	 * builders create are still closed, but their figures are unknown.
	 */
	private static final boolean CONNECTION_MANAGER_GETTER = ClassUtils.hasMethod(HttpClientBuilder.class,
			"getConnManager") && ClassUtils.hasMethod(HttpAsyncClientBuilder.class, "getConnManager");

	private ApacheClients() {
	}

	/**
	 * Say, once per application, what is off where the connection manager cannot be read.
	 */
	static void warnIfLimited() {
		if (!CONNECTION_MANAGER_GETTER) {
			Compatibility.switchedOff(
					"Apache HttpClient 5 pool figures are off: the pools Boot's builders create are still drained "
							+ "and closed, but only their tracked calls count as in use",
					"httpclient5 " + version() + " has no HttpClientBuilder.getConnManager() (added in 5.6)",
					"Upgrade org.apache.httpcomponents.client5:httpclient5 to 5.6 or later");
		}
	}

	private static String version() {
		VersionInfo info = VersionInfo.loadVersionInfo("org.apache.hc.client5",
				HttpClientBuilder.class.getClassLoader());
		return (info != null) ? info.getRelease() : "(version unknown)";
	}

	/**
	 * Add the client bean types.
	 * @param beans the bean post-processor to add them to
	 * @param reactive whether Spring's reactive client support is on the class path, and
	 * with it the connector
	 */
	static void addBeanTypes(ClientBeanParticipants beans, boolean reactive) {
		beans.add(CloseableHttpClient.class, Kind.APACHE_HTTPCLIENT5, Stage.CLOSE,
				(client, inFlight) -> new ApacheClassicTeardown(client, null, inFlight));
		beans.add(CloseableHttpAsyncClient.class, Kind.APACHE_HTTPCLIENT5, Stage.CLOSE,
				(client, inFlight) -> new ApacheAsyncTeardown(client, null, inFlight));
		if (reactive) {
			beans.add(HttpComponentsClientHttpConnector.class, Kind.APACHE_HTTPCLIENT5, Stage.CLOSE,
					(connector, inFlight) -> {
						PoolingAsyncClientConnectionManager manager = buildingConnector.get();
						buildingConnector.remove();
						return ApacheAsyncTeardown.forClientOwner(connector, manager, inFlight);
					});
		}
	}

	static void addFactoryCapture(BuilderCaptures<ClientHttpRequestFactoryBuilder<?>> builders, PoolCaptures captures) {
		ThreadLocal<PoolingHttpClientConnectionManager> building = new ThreadLocal<>();
		builders.add(HttpComponentsClientHttpRequestFactoryBuilder.class,
				(builder) -> builder.withHttpClientCustomizer((clientBuilder) -> {
					if (CONNECTION_MANAGER_GETTER
							&& clientBuilder.getConnManager() instanceof PoolingHttpClientConnectionManager manager) {
						building.set(manager);
					}
				}).withCustomizer((factory) -> {
					PoolingHttpClientConnectionManager manager = building.get();
					building.remove();
					captures.factoryBuilt(factory);
					if (factory.getHttpClient() instanceof CloseableHttpClient client) {
						WeakReference<@Nullable PoolingHttpClientConnectionManager> managerReference = new WeakReference<>(
								manager);
						captures.capture("http-client-apache", Kind.APACHE_HTTPCLIENT5, Stage.CLOSE, client, (captured,
								inFlight) -> new ApacheClassicTeardown(captured, managerReference.get(), inFlight));
					}
				}));
	}

	/**
	 * Only methods returning the concrete builder are used (its {@code withCustomizer}
	 * would not).
	 */
	static void addConnectorCapture(BuilderCaptures<ClientHttpConnectorBuilder<?>> builders) {
		builders.add(HttpComponentsClientHttpConnectorBuilder.class,
				(builder) -> builder.withHttpClientCustomizer((clientBuilder) -> {
					if (CONNECTION_MANAGER_GETTER
							&& clientBuilder.getConnManager() instanceof PoolingAsyncClientConnectionManager manager) {
						buildingConnector.set(manager);
					}
				}));
	}

}
