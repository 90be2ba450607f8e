package dev.cleanup.client.jdk;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.Teardown;
import org.jspecify.annotations.Nullable;

/**
 * {@link Teardown} for a JDK {@link HttpClient}. The client reports no pool figures, so
 * the engine counts its tracked calls as in use.
 * <p>
 * On Java 21 and later the graceful close, called once no tracked call is in flight,
 * calls {@code shutdown()} and {@code awaitTermination(remaining)}; the forced close
 * calls {@code shutdownNow()}, which fails the calls still running. The unbounded
 * {@code close()} is never called; once the client has terminated, a later
 * {@code close()} (for example Spring's inferred destroy method) returns at once.
 * <p>
 * Java 17 has no API to close the client. Its own threads are daemons and end only once
 * the client is garbage collected, so they cannot hold the JVM. What can hold it is the
 * executor the client was given: when {@link HttpClient#executor()} is an
 * {@link ExecutorService}, the graceful close shuts that executor down and awaits its
 * termination; the forced close calls its {@code shutdownNow()}. A client with the
 * default executor has nothing to close on Java 17: the graceful close returns
 * {@code true} at once, and the forced close returns {@code false}.
 * <p>
 * A client keeps the executor it was given running even after it terminates on Java 21
 * and later, so that executor is shut down there too, after the client, unless this
 * teardown was told to leave it alone (for an executor shared with other work).
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class JdkHttpClientTeardown implements Teardown {

	/**
	 * How long the forced close waits for the client, then for its executor, to
	 * terminate; both together stay well inside the engine's bound for forced closes.
	 */
	static final Duration FORCED_AWAIT = Duration.ofMillis(250);

	private static final @Nullable CloseApi CLOSE_API = CloseApi.find();

	private final HttpClient client;

	private final boolean shutdownExecutor;

	/**
	 * Create a teardown that closes the client and shuts down the executor it was given.
	 * @param client the client
	 */
	public JdkHttpClientTeardown(HttpClient client) {
		this(client, true);
	}

	/**
	 * Create a teardown that closes the client and, if asked, the executor it was given.
	 * @param client the client
	 * @param shutdownExecutor whether to shut down the client's executor when it is an
	 * {@link ExecutorService}; {@code false} for an executor shared with other work
	 */
	public JdkHttpClientTeardown(HttpClient client, boolean shutdownExecutor) {
		this.client = client;
		this.shutdownExecutor = shutdownExecutor;
	}

	/**
	 * Whether this JVM has the client's close API ({@code shutdown()},
	 * {@code awaitTermination(Duration)}, {@code shutdownNow()}, Java 21 and later).
	 * @return {@code true} on Java 21 and later
	 */
	public static boolean isClientShutdownSupported() {
		return CLOSE_API != null;
	}

	@Override
	public boolean closeGracefully(Deadline deadline) throws Exception {
		CloseApi api = CLOSE_API;
		if (api != null) {
			api.shutdown(this.client);
			if (!api.awaitTermination(this.client, deadline.remaining())) {
				return false;
			}
		}
		ExecutorService executor = executorToShutdown();
		if (executor != null) {
			executor.shutdown();
			return executor.awaitTermination(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
		}
		return true;
	}

	@Override
	public boolean closeForcibly() throws Exception {
		boolean forced = false;
		CloseApi api = CLOSE_API;
		if (api != null) {
			api.shutdownNow(this.client);
			api.awaitTermination(this.client, FORCED_AWAIT);
			forced = true;
		}
		ExecutorService executor = executorToShutdown();
		if (executor != null) {
			executor.shutdownNow();
			executor.awaitTermination(FORCED_AWAIT.toNanos(), TimeUnit.NANOSECONDS);
			forced = true;
		}
		return forced;
	}

	/**
	 * Whether the client has terminated. Always {@code false} before Java 21, where a
	 * client cannot be closed.
	 * @return {@code true} once the client has terminated
	 */
	public boolean isTerminated() {
		CloseApi api = CLOSE_API;
		return api != null && api.isTerminated(this.client);
	}

	private @Nullable ExecutorService executorToShutdown() {
		if (!this.shutdownExecutor) {
			return null;
		}
		Executor executor = this.client.executor().orElse(null);
		return (executor instanceof ExecutorService executorService) ? executorService : null;
	}

	/**
	 * The close API of {@link HttpClient}, added in Java 21.
	 * <p>
	 * Method handles rather than a multi-release class: the build compiles with
	 * {@code --release 17} on a Java 17 JDK, which cannot compile a Java 21 class, and
	 * one class with handles looked up once, here, costs no reflection per call and works
	 * the same on every JVM. {@code close()} is deliberately not looked up: it waits up
	 * to a day per attempt.
	 */
	private record CloseApi(MethodHandle shutdown, MethodHandle awaitTermination, MethodHandle shutdownNow,
			MethodHandle isTerminated) {

		static @Nullable CloseApi find() {
			MethodHandles.Lookup lookup = MethodHandles.publicLookup();
			try {
				return new CloseApi(lookup.findVirtual(HttpClient.class, "shutdown", MethodType.methodType(void.class)),
						lookup.findVirtual(HttpClient.class, "awaitTermination",
								MethodType.methodType(boolean.class, Duration.class)),
						lookup.findVirtual(HttpClient.class, "shutdownNow", MethodType.methodType(void.class)),
						lookup.findVirtual(HttpClient.class, "isTerminated", MethodType.methodType(boolean.class)));
			}
			catch (NoSuchMethodException | IllegalAccessException ex) {
				// Before Java 21
				return null;
			}
		}

		void shutdown(HttpClient client) {
			try {
				this.shutdown.invokeExact(client);
			}
			catch (Throwable ex) {
				throw rethrow(ex);
			}
		}

		boolean awaitTermination(HttpClient client, Duration duration) throws InterruptedException {
			try {
				return (boolean) this.awaitTermination.invokeExact(client, duration);
			}
			catch (InterruptedException ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw rethrow(ex);
			}
		}

		void shutdownNow(HttpClient client) {
			try {
				this.shutdownNow.invokeExact(client);
			}
			catch (Throwable ex) {
				throw rethrow(ex);
			}
		}

		boolean isTerminated(HttpClient client) {
			try {
				return (boolean) this.isTerminated.invokeExact(client);
			}
			catch (Throwable ex) {
				throw rethrow(ex);
			}
		}

		private static RuntimeException rethrow(Throwable ex) {
			if (ex instanceof RuntimeException runtimeException) {
				return runtimeException;
			}
			if (ex instanceof Error error) {
				throw error;
			}
			return new IllegalStateException(ex);
		}

	}

}
