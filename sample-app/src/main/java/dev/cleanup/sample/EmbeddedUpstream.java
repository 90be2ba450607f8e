package dev.cleanup.sample;

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

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * A slow upstream on its own loopback port with its own lifecycle: it stops when the
 * context destroys its beans, after every cleanup stage, so calls in flight at shutdown
 * have something real to finish against. {@code GET /delay/<millis>} answers after that
 * long; {@code GET /hang} never answers.
 *
 * @author cleanup contributors
 */
public class EmbeddedUpstream implements DisposableBean {

	private static final Log logger = LogFactory.getLog(EmbeddedUpstream.class);

	private final HttpServer server;

	private final ExecutorService executor;

	private final CountDownLatch stopped = new CountDownLatch(1);

	EmbeddedUpstream(int port) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
		this.executor = Executors.newCachedThreadPool((runnable) -> {
			Thread thread = new Thread(runnable, "sample-upstream");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
		logger.info("Slow upstream listening on " + baseUri());
	}

	/**
	 * Return the upstream's base URI.
	 * @return for example {@code http://127.0.0.1:40123}
	 */
	public URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			long delay = path.startsWith("/hang") ? Long.MAX_VALUE
					: path.startsWith("/delay/") ? Long.parseLong(path.substring("/delay/".length())) : 0;
			if (this.stopped.await(delay, TimeUnit.MILLISECONDS)) {
				return;
			}
			byte[] body = ("upstream answered " + path).getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (NumberFormatException ex) {
			exchange.sendResponseHeaders(400, -1);
		}
	}

	@Override
	public void destroy() {
		this.stopped.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
