package dev.cleanup.client.feign;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;

import dev.cleanup.client.CallTracking;
import feign.Capability;
import feign.Client;
import feign.Request;
import feign.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Tracks the calls of every Feign client, as Feign's own capability hook that Spring
 * Cloud OpenFeign applies to each client it builds: tracking wraps the client Spring
 * Cloud chose, load-balancing included, so a load-balanced call counts once. A call
 * starts when it is sent and ends when its response body is closed (Feign closes it once
 * decoded) or the call fails. Calls are tracked under the Feign client's name. The pool
 * of the transport under it (Apache HttpClient 5 with {@code feign-hc5}, say) is found by
 * the stacks, as a bean; this class knows no transport.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class FeignCallTracking implements Capability {

	private final BiFunction<String, Object, CallTracking> tracking;

	/**
	 * Create the capability.
	 * @param tracking where the calls of the Feign client of a name are recorded, given
	 * the client they go through (the one Spring Cloud chose, whose pool the stacks know)
	 */
	public FeignCallTracking(BiFunction<String, Object, CallTracking> tracking) {
		this.tracking = tracking;
	}

	@Override
	public Client enrich(Client client) {
		return (client instanceof TrackingClient) ? client : new TrackingClient(client, this.tracking);
	}

	private static final class TrackingClient implements Client {

		private final Client delegate;

		private final BiFunction<String, Object, CallTracking> tracking;

		/**
		 * Where the calls of each Feign client name are recorded, found on its first
		 * call: bounded by the names of the Feign clients sharing this transport.
		 */
		private final Map<String, CallTracking> byName = new ConcurrentHashMap<>();

		TrackingClient(Client delegate, BiFunction<String, Object, CallTracking> tracking) {
			this.delegate = delegate;
			this.tracking = tracking;
		}

		@Override
		public Response execute(Request request, Request.Options options) throws IOException {
			CallTracking.Call call = this.byName
				.computeIfAbsent(name(request), (name) -> this.tracking.apply(name, this.delegate))
				.start(request.httpMethod().name(), request.url());
			OnceCall once = new OnceCall(call);
			try {
				Response response = this.delegate.execute(request, options);
				if (response.body() == null) {
					once.end(null);
					return response;
				}
				return response.toBuilder().body(new TrackedBody(response.body(), once)).build();
			}
			catch (IOException | RuntimeException | Error ex) {
				once.end(ex);
				throw ex;
			}
		}

		private static String name(Request request) {
			if (request.requestTemplate() != null && request.requestTemplate().feignTarget() != null) {
				return request.requestTemplate().feignTarget().name();
			}
			return "feign";
		}

	}

	/**
	 * Ends a call the first time it is asked to.
	 */
	private static final class OnceCall {

		private final CallTracking.Call call;

		private final AtomicBoolean ended = new AtomicBoolean();

		OnceCall(CallTracking.Call call) {
			this.call = call;
		}

		void end(@Nullable Throwable failure) {
			if (this.ended.compareAndSet(false, true)) {
				this.call.end(failure);
			}
		}

	}

	/**
	 * A response body that ends its call when it, or the stream read from it, is closed.
	 */
	private static final class TrackedBody implements Response.Body {

		private final Response.Body body;

		private final OnceCall call;

		TrackedBody(Response.Body body, OnceCall call) {
			this.body = body;
			this.call = call;
		}

		@Override
		public @Nullable Integer length() {
			return this.body.length();
		}

		@Override
		public boolean isRepeatable() {
			return this.body.isRepeatable();
		}

		@Override
		public InputStream asInputStream() throws IOException {
			return new FilterInputStream(this.body.asInputStream()) {

				@Override
				public void close() throws IOException {
					try {
						super.close();
					}
					finally {
						TrackedBody.this.call.end(null);
					}
				}

			};
		}

		@Override
		public Reader asReader(Charset charset) throws IOException {
			return this.body.asReader(charset);
		}

		@Override
		public void close() throws IOException {
			try {
				this.body.close();
			}
			finally {
				this.call.end(null);
			}
		}

	}

	/**
	 * The class-presence check of OpenFeign.
	 */
	public static final class Classes {

		private static final String CAPABILITY = "feign.Capability";

		private Classes() {
		}

		/**
		 * Whether Feign is on the class path.
		 * @param classLoader the class loader to ask
		 * @return {@code true} if present
		 */
		public static boolean present(@Nullable ClassLoader classLoader) {
			return ClassUtils.isPresent(CAPABILITY, classLoader);
		}

	}

}
