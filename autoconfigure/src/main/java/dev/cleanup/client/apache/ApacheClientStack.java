package dev.cleanup.client.apache;

import dev.cleanup.client.ClientStack;
import dev.cleanup.client.Pool;
import dev.cleanup.client.PrivateField;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.util.ClassUtils;

/**
 * Apache HttpClient 5: classic and async client beans, connection manager beans, Spring's
 * connector bean, and the clients inside Spring's request factories and connectors. A
 * client's connection manager, which the client keeps in a private field without a
 * getter, is read so that the pool's figures are known; where that fails, the client is
 * still closed, on its tracked calls only. Apache's client threads
 * ({@code httpclient-dispatch-N}) are numbered across all clients, so they are not
 * attributed to any one pool.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ApacheClientStack implements ClientStack {

	static final String NAME = "apache";

	private static final String OFF = "Apache HttpClient 5 pool figures are off: its pools are still drained and closed, "
			+ "but only their tracked calls count as in use";

	private static final PrivateField CLASSIC_MANAGER = new PrivateField(
			"org.apache.hc.client5.http.impl.classic.InternalHttpClient", "connManager", OFF);

	private static final PrivateField MINIMAL_CLASSIC_MANAGER = new PrivateField(
			"org.apache.hc.client5.http.impl.classic.MinimalHttpClient", "connManager", OFF);

	private static final PrivateField ASYNC_MANAGER = new PrivateField(
			"org.apache.hc.client5.http.impl.async.InternalHttpAsyncClient", "manager", OFF);

	private static final PrivateField MINIMAL_ASYNC_MANAGER = new PrivateField(
			"org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient", "manager", OFF);

	private static final String REQUEST_FACTORY = "org.springframework.http.client.HttpComponentsClientHttpRequestFactory";

	private static final PrivateField CONNECTOR_CLIENT = new PrivateField(
			"org.springframework.http.client.reactive.HttpComponentsClientHttpConnector", "client",
			"Pools of Spring's HttpComponentsClientHttpConnector are not closed by the starter");

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public @Nullable Pool poolOfBean(Object bean) {
		// a manager handed to clients as a bean of its own closes after them
		if (bean instanceof PoolingHttpClientConnectionManager manager) {
			return Pool.of(NAME, manager, Kind.APACHE_HTTPCLIENT5, Stage.DISPOSE,
					(resource, calls) -> new ApacheConnectionManagerTeardown(resource));
		}
		if (bean instanceof PoolingAsyncClientConnectionManager manager) {
			return Pool.of(NAME, manager, Kind.APACHE_HTTPCLIENT5, Stage.DISPOSE,
					(resource, calls) -> new ApacheConnectionManagerTeardown(resource));
		}
		if (bean instanceof CloseableHttpClient || bean instanceof CloseableHttpAsyncClient
				|| CONNECTOR_CLIENT.declaredBy(bean)) {
			return poolOf(bean);
		}
		return null;
	}

	@Override
	public @Nullable Pool poolOf(Object factoryOrConnector) {
		Object client = factoryOrConnector;
		if (CONNECTOR_CLIENT.declaredBy(factoryOrConnector)) {
			client = CONNECTOR_CLIENT.read(factoryOrConnector);
		}
		else if (isRequestFactory(factoryOrConnector)) {
			client = ((HttpComponentsClientHttpRequestFactory) factoryOrConnector).getHttpClient();
		}
		if (client instanceof CloseableHttpClient classic) {
			return Pool.of(NAME, classic, Kind.APACHE_HTTPCLIENT5, Stage.CLOSE,
					(resource, calls) -> new ApacheClassicTeardown(resource, classicManager(resource)));
		}
		if (client instanceof CloseableHttpAsyncClient async) {
			return Pool
				.of(NAME, async, Kind.APACHE_HTTPCLIENT5, Stage.CLOSE,
						(resource, calls) -> new ApacheAsyncTeardown(resource, asyncManager(resource)))
				.heldUntilClosed();
		}
		return null;
	}

	private static boolean isRequestFactory(Object candidate) {
		for (Class<?> type = candidate.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(REQUEST_FACTORY)) {
				return true;
			}
		}
		return false;
	}

	static @Nullable PoolingHttpClientConnectionManager classicManager(CloseableHttpClient client) {
		Object manager = CLASSIC_MANAGER.declaredBy(client) ? CLASSIC_MANAGER.read(client)
				: MINIMAL_CLASSIC_MANAGER.read(client);
		return (manager instanceof PoolingHttpClientConnectionManager pooling) ? pooling : null;
	}

	static @Nullable PoolingAsyncClientConnectionManager asyncManager(CloseableHttpAsyncClient client) {
		Object manager = ASYNC_MANAGER.declaredBy(client) ? ASYNC_MANAGER.read(client)
				: MINIMAL_ASYNC_MANAGER.read(client);
		return (manager instanceof PoolingAsyncClientConnectionManager pooling) ? pooling : null;
	}

	/**
	 * The class-presence check of this stack.
	 */
	public static final class Classes {

		private static final String CLIENT = "org.apache.hc.client5.http.impl.classic.CloseableHttpClient";

		private Classes() {
		}

		/**
		 * Whether Apache HttpClient 5 is on the class path.
		 * @param classLoader the class loader to ask
		 * @return {@code true} if present
		 */
		public static boolean present(@Nullable ClassLoader classLoader) {
			return ClassUtils.isPresent(CLIENT, classLoader);
		}

	}

}
