package dev.cleanup.client.jdk;

import java.net.http.HttpClient;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cleanup.client.ClientStack;
import dev.cleanup.client.Pool;
import dev.cleanup.client.PrivateField;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's {@code java.net.http.HttpClient}, always present: client beans, and the
 * clients inside Spring's JDK request factories and connectors, which keep them in a
 * private field. The client's own threads carry its id ({@code HttpClient-<id>-Worker-n},
 * {@code HttpClient-<id>-SelectorManager}), which its {@code toString()} tells.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class JdkClientStack implements ClientStack {

	static final String NAME = "jdk";

	private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");

	private static final String OFF = "Pools of Spring's JDK request factories and connectors are not closed "
			+ "by the starter (their calls are still tracked)";

	private static final PrivateField FACTORY_CLIENT = new PrivateField(
			"org.springframework.http.client.JdkClientHttpRequestFactory", "httpClient", OFF);

	private static final PrivateField CONNECTOR_CLIENT = new PrivateField(
			"org.springframework.http.client.reactive.JdkClientHttpConnector", "httpClient", OFF);

	/**
	 * Whether a client's close ends its threads: {@code HttpClient.shutdown()} is Java
	 * 21's, which {@link JdkHttpClientTeardown} looks up when it first closes a client.
	 */
	static final boolean CLIENTS_SHUT_DOWN = Runtime.version().feature() >= 21;

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
		return (client instanceof HttpClient jdk) ? pool(jdk) : null;
	}

	/**
	 * The client's own threads are watched after its close only where it can be closed
	 * (Java 21 and later): before, they are daemon threads that end once the client is
	 * garbage collected, which no close can hasten, so listing them would warn on every
	 * shutdown about nothing the application could change.
	 */
	private static Pool pool(HttpClient client) {
		Pool pool = Pool
			.of(NAME, client, Kind.JDK_HTTPCLIENT, Stage.CLOSE,
					(resource, calls) -> new JdkHttpClientTeardown(resource))
			.withThreads(CLIENTS_SHUT_DOWN ? threadsOf(client) : null);
		// an executor of the application's own outlives the client, and only the close
		// shuts it down
		return client.executor().isPresent() ? pool.heldUntilClosed() : pool;
	}

	/**
	 * Return a client's own threads, told by the id its {@code toString()} ends with.
	 */
	static @Nullable Predicate<Thread> threadsOf(HttpClient client) {
		Matcher id = CLIENT_ID.matcher(client.toString());
		if (!id.find()) {
			return null;
		}
		String prefix = "HttpClient-" + id.group(1) + "-";
		return (thread) -> thread.getName().startsWith(prefix)
				&& (thread.getName().endsWith("-SelectorManager") || thread.getName().contains("-Worker-"));
	}

}
