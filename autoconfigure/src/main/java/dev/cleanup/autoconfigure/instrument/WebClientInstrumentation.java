package dev.cleanup.autoconfigure.instrument;

import dev.cleanup.client.PrivateField;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import dev.cleanup.tracking.TrackingExchangeFilterFunction;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Tracks the calls of WebClients the starter did not build, as
 * {@link ClientInstrumentation} does for RestClients: a client is rebuilt on the very
 * connector it holds, with the tracking filter outermost, so that a load-balanced call
 * and its retries count once and no second pool is created. A client already tracked is
 * left as it is.
 *
 * @author cleanup contributors
 */
public final class WebClientInstrumentation {

	private static final String OFF = "Calls of WebClients built by hand are not tracked by the starter";

	private static final PrivateField EXCHANGE_FUNCTION = new PrivateField(
			"org.springframework.web.reactive.function.client.DefaultWebClient", "exchangeFunction", OFF);

	private static final PrivateField BUILDER_COPY = new PrivateField(
			"org.springframework.web.reactive.function.client.DefaultWebClient", "builder", OFF);

	private static final PrivateField CONNECTOR = new PrivateField(
			"org.springframework.web.reactive.function.client.ExchangeFunctions$DefaultExchangeFunction", "connector",
			OFF);

	private static final PrivateField BUILDER_CONNECTOR = new PrivateField(
			"org.springframework.web.reactive.function.client.DefaultWebClientBuilder", "connector",
			BuilderTracking.OFF);

	private final ClientPools pools;

	private final InFlightCalls calls;

	public WebClientInstrumentation(ClientPools pools, InFlightCalls calls) {
		this.pools = pools;
		this.calls = calls;
	}

	/**
	 * Track the calls of the clients a {@code WebClient.Builder} builds, on the pool of
	 * the connector it holds.
	 * @param builder the builder, being customized by Boot
	 */
	public void trackBuilder(WebClient.Builder builder) {
		builder.filters((filters) -> {
			if (!ClientInstrumentation.holdsInstanceOf(filters, TrackingExchangeFilterFunction.class)) {
				TrackedClient client = this.pools.trackedClientFor(BUILDER_CONNECTOR.read(builder),
						ClientPools.CONNECTOR, "web-client");
				filters.add(0, new TrackingExchangeFilterFunction(this.calls, client));
			}
		});
	}

	/**
	 * Return a WebClient whose calls are tracked on its pool.
	 * @param client the client
	 * @param owner who owns the client
	 * @return the client to use, the same one if already tracked or not readable
	 */
	public WebClient webClient(WebClient client, ClientPools.Owner owner) {
		Object exchange = EXCHANGE_FUNCTION.read(client);
		Object builder = BUILDER_COPY.read(client);
		if (exchange == null || !(builder instanceof WebClient.Builder copy) || isTracked(copy)
				|| !(CONNECTOR.read(exchange) instanceof ClientHttpConnector connector)) {
			return client;
		}
		TrackedClient tracked = this.pools.trackedClientFor(connector, ClientPools.CONNECTOR, "web-client", owner);
		// set the connector it holds: the copy mutate() starts from may have none, and
		// building it so would create a second one
		return client.mutate()
			.clientConnector(connector)
			.filters((filters) -> filters.add(0, new TrackingExchangeFilterFunction(this.calls, tracked)))
			.build();
	}

	/**
	 * Return a builder every client of which is tracked on its own pool, unless the
	 * builder is tracked already (Boot's own).
	 * @param builder the builder
	 * @return the builder to use
	 */
	public WebClient.Builder webClientBuilder(WebClient.Builder builder) {
		if (isTracked(builder) || java.lang.reflect.Proxy.isProxyClass(builder.getClass())) {
			return builder;
		}
		return ClientInstrumentation.BuildingProxy.of(WebClient.Builder.class, builder,
				(client) -> webClient((WebClient) client, ClientPools.Owner.CAPTURED));
	}

	private static boolean isTracked(WebClient.Builder builder) {
		boolean[] tracked = new boolean[1];
		builder.filters((filters) -> tracked[0] = ClientInstrumentation.holdsInstanceOf(filters,
				TrackingExchangeFilterFunction.class));
		return tracked[0];
	}

}
