package dev.cleanup.autoconfigure.instrument;

import java.util.List;
import java.util.function.Consumer;

import dev.cleanup.client.PrivateField;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import dev.cleanup.tracking.TrackingExchangeFilterFunction;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
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
		builder.filters(new FilterCheck(builder));
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

	private boolean isTracked(WebClient.Builder builder) {
		FilterCheck check = new FilterCheck(null);
		builder.filters(check);
		return check.tracked;
	}

	/**
	 * Looks through a builder's filters for the tracking one and, given the builder to
	 * track, adds it first where it is missing. One class for both, rather than a
	 * function object each.
	 */
	private final class FilterCheck implements Consumer<List<ExchangeFilterFunction>> {

		private final WebClient.@Nullable Builder toTrack;

		private boolean tracked;

		FilterCheck(WebClient.@Nullable Builder toTrack) {
			this.toTrack = toTrack;
		}

		@Override
		public void accept(List<ExchangeFilterFunction> filters) {
			this.tracked = ClientInstrumentation.holdsInstanceOf(filters, TrackingExchangeFilterFunction.class);
			WebClient.Builder builder = this.toTrack;
			if (!this.tracked && builder != null) {
				TrackedClient client = WebClientInstrumentation.this.pools
					.trackedClientFor(BUILDER_CONNECTOR.read(builder), ClientPools.CONNECTOR, "web-client");
				filters.add(0, new TrackingExchangeFilterFunction(WebClientInstrumentation.this.calls, client));
			}
		}

	}

}
