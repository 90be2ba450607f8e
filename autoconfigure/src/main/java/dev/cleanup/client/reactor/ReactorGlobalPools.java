package dev.cleanup.client.reactor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.cleanup.client.PrivateField;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.ConnectionProvider;

/**
 * Reactor Netty's global {@link HttpResources} and their connection pools, read from the
 * fields that hold them: {@link HttpResources#get()} would create new ones once they were
 * disposed.
 *
 * @author cleanup contributors
 */
final class ReactorGlobalPools {

	private static final PrivateField GLOBAL_RESOURCES = new PrivateField("reactor.netty.http.HttpResources",
			"httpResources",
			"Reactor Netty's global resources created outside Spring's builders are not disposed by the starter");

	private static final PrivateField HTTP1_POOL = new PrivateField("reactor.netty.tcp.TcpResources", "defaultProvider",
			"the global connection pool is closed together with its event loops, not before them");

	private static final PrivateField HTTP2_POOL = new PrivateField("reactor.netty.http.HttpResources",
			"http2ConnectionProvider",
			"the global HTTP/2 connection pool is closed together with its event loops, not before them");

	private static final PrivateField HTTP3_POOL = new PrivateField("reactor.netty.http.HttpResources",
			"http3ConnectionProvider",
			"the global HTTP/3 connection pool is closed together with its event loops, not before them");

	private ReactorGlobalPools() {
	}

	/**
	 * Return the global resources, if something created them and nothing disposed them
	 * since.
	 * @return the global resources, or {@code null}
	 */
	static @Nullable HttpResources current() {
		Object holder = GLOBAL_RESOURCES.readStatic(HttpResources.class.getClassLoader());
		return (holder instanceof AtomicReference<?> reference && reference.get() instanceof HttpResources resources)
				? resources : null;
	}

	/**
	 * Return the connection pools of the current global resources: the HTTP/1.1 pool and
	 * those for HTTP/2 and HTTP/3 once created.
	 * @return the pools, empty if there are no global resources
	 */
	static List<ConnectionProvider> pools() {
		HttpResources resources = current();
		if (resources == null) {
			return List.of();
		}
		List<ConnectionProvider> pools = new ArrayList<>();
		if (HTTP1_POOL.read(resources) instanceof ConnectionProvider http1) {
			pools.add(http1);
		}
		for (PrivateField field : List.of(HTTP2_POOL, HTTP3_POOL)) {
			if (field.read(resources) instanceof AtomicReference<?> reference
					&& reference.get() instanceof ConnectionProvider pool) {
				pools.add(pool);
			}
		}
		return pools;
	}

}
