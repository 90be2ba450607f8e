package dev.cleanup.autoconfigure.instrument;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.UnaryOperator;

import dev.cleanup.client.PrivateField;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import dev.cleanup.tracking.TrackingClientHttpRequestFactory;
import dev.cleanup.tracking.TrackingClientHttpRequestInterceptor;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Tracks the calls of RestClients and RestTemplates the starter did not build: client
 * beans built by hand, clients built from builder beans the application defines, clients
 * handed over by name. Each keeps the pool it was given; a client that must be rebuilt to
 * be tracked is rebuilt on the very request factory it holds, so no second pool is ever
 * created. Tracking is the outermost interceptor where the client has interceptors of its
 * own (so a load-balanced call and its retries count once), a wrapper around its request
 * factory where it has none (so request bodies stay unbuffered). A client already tracked
 * is left as it is.
 *
 * @author cleanup contributors
 */
public final class ClientInstrumentation {

	private static final String OFF = "Calls of RestClients built by hand are not tracked by the starter";

	private static final PrivateField CLIENT_FACTORY = new PrivateField(
			"org.springframework.web.client.DefaultRestClient", "clientRequestFactory", OFF);

	private static final PrivateField CLIENT_INTERCEPTORS = new PrivateField(
			"org.springframework.web.client.DefaultRestClient", "interceptors", OFF);

	private final ClientPools pools;

	private final InFlightCalls calls;

	public ClientInstrumentation(ClientPools pools, InFlightCalls calls) {
		this.pools = pools;
		this.calls = calls;
	}

	/**
	 * Return a RestClient whose calls are tracked on its pool.
	 * @param client the client
	 * @param owner who owns the client
	 * @return the client to use, the same one if already tracked or not readable
	 */
	public RestClient restClient(RestClient client, ClientPools.Owner owner) {
		if (!(CLIENT_FACTORY.read(client) instanceof ClientHttpRequestFactory factory)) {
			return client;
		}
		List<?> interceptors = (CLIENT_INTERCEPTORS.read(client) instanceof List<?> list) ? list : List.of();
		if (factory instanceof TrackingClientHttpRequestFactory
				|| holdsInstanceOf(interceptors, TrackingClientHttpRequestInterceptor.class)) {
			return client;
		}
		TrackedClient tracked = this.pools.trackedClientFor(factory, ClientPools.FACTORY, "rest-client", owner);
		// set the factory it holds: the copy mutate() starts from may have none, and
		// building it so would create a second pool
		RestClient.Builder builder = client.mutate();
		if (interceptors.isEmpty()) {
			builder.requestFactory(new TrackingClientHttpRequestFactory(factory, this.calls, tracked));
		}
		else {
			builder.requestFactory(factory)
				.requestInterceptors(
						(all) -> all.add(0, new TrackingClientHttpRequestInterceptor(this.calls, tracked)));
		}
		return builder.build();
	}

	/**
	 * Track the calls of a RestTemplate on its pool, in place.
	 * @param template the template
	 * @param owner who owns the template
	 */
	void restTemplate(RestTemplate template, ClientPools.Owner owner) {
		ClientHttpRequestFactory factory = untrackedFactory(template);
		if (factory == null) {
			return;
		}
		TrackedClient tracked = this.pools.trackedClientFor(factory, ClientPools.FACTORY, "rest-template", owner);
		List<ClientHttpRequestInterceptor> interceptors = template.getInterceptors();
		if (interceptors.isEmpty()) {
			template.setRequestFactory(new TrackingClientHttpRequestFactory(factory, this.calls, tracked));
		}
		else {
			interceptors.add(0, new TrackingClientHttpRequestInterceptor(this.calls, tracked));
		}
	}

	/**
	 * Return the request factory of a template that nothing of the starter's tracks yet.
	 */
	private static @Nullable ClientHttpRequestFactory untrackedFactory(RestTemplate template) {
		if (!(RequestFactoryFields.REST_TEMPLATE.read(template) instanceof ClientHttpRequestFactory factory)
				|| factory instanceof TrackingClientHttpRequestFactory
				|| holdsInstanceOf(template.getInterceptors(), TrackingClientHttpRequestInterceptor.class)) {
			return null;
		}
		return factory;
	}

	/**
	 * Track the calls of a RestTemplate that may be serving calls on other threads: by
	 * one write, its request factory wrapped, never by changing its live list of
	 * interceptors (an unsynchronized list its calls iterate). Where it has interceptors
	 * of its own, each attempt of a retrying one is then tracked as a call.
	 * @param template the template
	 * @param owner who owns the template
	 */
	public void restTemplateInUse(RestTemplate template, ClientPools.Owner owner) {
		ClientHttpRequestFactory factory = untrackedFactory(template);
		if (factory == null) {
			return;
		}
		TrackedClient tracked = this.pools.trackedClientFor(factory, ClientPools.FACTORY, "rest-template", owner);
		template.setRequestFactory(new TrackingClientHttpRequestFactory(factory, this.calls, tracked));
	}

	/**
	 * Return a builder every client of which is tracked on its own pool, unless the
	 * builder is tracked already (Boot's own).
	 * @param builder the builder
	 * @return the builder to use
	 */
	public RestClient.Builder restClientBuilder(RestClient.Builder builder) {
		if (RequestFactoryFields.REST_CLIENT_BUILDER.read(builder) instanceof TrackingClientHttpRequestFactory
				|| hasTrackingInterceptor(builder) || Proxy.isProxyClass(builder.getClass())) {
			return builder;
		}
		return BuildingProxy.of(RestClient.Builder.class, builder,
				(client) -> restClient((RestClient) client, ClientPools.Owner.CAPTURED));
	}

	private static boolean hasTrackingInterceptor(RestClient.Builder builder) {
		boolean[] tracked = new boolean[1];
		builder.requestInterceptors((interceptors) -> tracked[0] = holdsInstanceOf(interceptors,
				TrackingClientHttpRequestInterceptor.class));
		return tracked[0];
	}

	/**
	 * Whether a list of interceptors or filters holds one of the given type (a loop: a
	 * stream with a method reference would be two classes loaded at startup).
	 */
	static boolean holdsInstanceOf(List<?> items, Class<?> type) {
		for (Object item : items) {
			if (type.isInstance(item)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A builder that hands each client it builds to a function first, and stays itself
	 * through its fluent calls and clones. A proxy rather than a class implementing the
	 * builder, so that methods a later Spring version adds to the interface still reach
	 * the builder.
	 */
	static final class BuildingProxy implements InvocationHandler {

		private final Class<Object> type;

		private final Object delegate;

		private final UnaryOperator<Object> onBuild;

		@SuppressWarnings("unchecked")
		private BuildingProxy(Class<?> type, Object delegate, UnaryOperator<Object> onBuild) {
			this.type = (Class<Object>) type;
			this.delegate = delegate;
			this.onBuild = onBuild;
		}

		@SuppressWarnings("unchecked")
		static <B> B of(Class<B> type, B delegate, UnaryOperator<Object> onBuild) {
			return (B) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
					new BuildingProxy(type, delegate, onBuild));
		}

		@Override
		public Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
			Object result;
			try {
				result = method.invoke(this.delegate, args);
			}
			catch (InvocationTargetException ex) {
				throw (ex.getCause() != null) ? ex.getCause() : ex;
			}
			if (method.getName().equals("build") && method.getParameterCount() == 0) {
				return this.onBuild.apply(result);
			}
			if (result == this.delegate) {
				return proxy;
			}
			if (method.getName().equals("clone") && this.type.isInstance(result)) {
				return of(this.type, result, this.onBuild);
			}
			return result;
		}

	}

}
