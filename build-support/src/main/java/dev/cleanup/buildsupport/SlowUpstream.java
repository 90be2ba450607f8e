package dev.cleanup.buildsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 whose responses take as long as asked:
 * {@code /delay/<millis>} answers after that many milliseconds, {@code /hang} never
 * answers until the server is closed.
 *
 * @author cleanup contributors
 */
public final class SlowUpstream implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor;

	private final CountDownLatch closed = new CountDownLatch(1);

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicInteger completed = new AtomicInteger();

	private SlowUpstream(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/**
	 * Start a server on an ephemeral loopback port.
	 * @return the started server
	 */
	public static SlowUpstream start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
			ExecutorService executor = Executors.newCachedThreadPool((runnable) -> {
				Thread thread = new Thread(runnable, "slow-upstream");
				thread.setDaemon(true);
				return thread;
			});
			SlowUpstream upstream = new SlowUpstream(server, executor);
			server.createContext("/", upstream::handle);
			server.setExecutor(executor);
			server.start();
			return upstream;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the URI of a path on this server.
	 * @param path the path, for example {@code /delay/500}
	 * @return the URI
	 */
	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	/**
	 * Return the number of requests being answered now.
	 * @return the number of active requests
	 */
	public int active() {
		return this.active.get();
	}

	/**
	 * Return the number of requests answered in full.
	 * @return the number of completed requests
	 */
	public int completed() {
		return this.completed.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.active.incrementAndGet();
		try {
			String path = exchange.getRequestURI().getPath();
			if (path.startsWith("/hang")) {
				this.closed.await();
				return;
			}
			if (path.startsWith("/delay/")) {
				long millis = Long.parseLong(path.substring("/delay/".length()));
				if (this.closed.await(millis, TimeUnit.MILLISECONDS)) {
					return;
				}
			}
			byte[] body = ("done " + path).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/plain");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
			this.completed.incrementAndGet();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.active.decrementAndGet();
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.closed.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
