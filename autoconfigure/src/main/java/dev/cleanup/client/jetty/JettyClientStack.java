package dev.cleanup.client.jetty;

import java.util.function.Predicate;

import dev.cleanup.client.ClientStack;
import dev.cleanup.client.Pool;
import dev.cleanup.client.PrivateField;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;
import org.eclipse.jetty.client.HttpClient;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Jetty 12's {@code HttpClient}: client beans, and the clients inside Spring's Jetty
 * request factories and connectors, which keep them in a private field. A started client
 * that is never stopped keeps non-daemon threads that hold a JVM's exit; they are named
 * after the client ({@code HttpClient@<hash>-<n>},
 * {@code HttpClient@<hash>-scheduler-1}), so each pool knows its own.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class JettyClientStack implements ClientStack {

	static final String NAME = "jetty";

	private static final String OFF = "Pools of Spring's Jetty request factories and connectors are not closed "
			+ "by the starter (their calls are still tracked)";

	private static final PrivateField FACTORY_CLIENT = new PrivateField(
			"org.springframework.http.client.JettyClientHttpRequestFactory", "httpClient", OFF);

	private static final PrivateField CONNECTOR_CLIENT = new PrivateField(
			"org.springframework.http.client.reactive.JettyClientHttpConnector", "httpClient", OFF);

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public @Nullable Pool poolOfBean(Object bean) {
		return (bean instanceof HttpClient client) ? pool(client) : null;
	}

	@Override
	public @Nullable Pool poolOf(Object factoryOrConnector) {
		Object client = FACTORY_CLIENT.declaredBy(factoryOrConnector) ? FACTORY_CLIENT.read(factoryOrConnector)
				: CONNECTOR_CLIENT.read(factoryOrConnector);
		return (client instanceof HttpClient jetty) ? pool(jetty) : null;
	}

	private static Pool pool(HttpClient client) {
		return Pool
			.of(NAME, client, Kind.JETTY_HTTPCLIENT, Stage.CLOSE, (resource, calls) -> new JettyTeardown(resource))
			.withThreads(threadsOf(client))
			.heldUntilClosed();
	}

	/**
	 * Return a client's own threads: Jetty names its default thread pool and its
	 * scheduler after the client. Threads of an executor the user gave it are not told
	 * apart.
	 */
	static Predicate<Thread> threadsOf(HttpClient client) {
		String prefix = client.getClass().getSimpleName() + "@" + Integer.toHexString(client.hashCode()) + "-";
		return (thread) -> thread.getName().startsWith(prefix);
	}

	/**
	 * The class-presence check of this stack.
	 */
	public static final class Classes {

		private static final String CLIENT = "org.eclipse.jetty.client.HttpClient";

		private Classes() {
		}

		/**
		 * Whether Jetty's client is on the class path.
		 * @param classLoader the class loader to ask
		 * @return {@code true} if present
		 */
		public static boolean present(@Nullable ClassLoader classLoader) {
			return ClassUtils.isPresent(CLIENT, classLoader);
		}

	}

}
