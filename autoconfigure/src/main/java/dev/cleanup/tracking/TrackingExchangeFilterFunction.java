package dev.cleanup.tracking;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Tracks each WebClient exchange from subscription until its response body completes,
 * fails or is cancelled, whether the caller blocks or subscribes in the background.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class TrackingExchangeFilterFunction implements ExchangeFilterFunction {

	private final InFlightCalls calls;

	private final TrackedClient client;

	/**
	 * Create a filter.
	 * @param calls where calls are tracked
	 * @param client the client the calls belong to
	 */
	public TrackingExchangeFilterFunction(InFlightCalls calls, TrackedClient client) {
		this.calls = calls;
		this.client = client;
	}

	/**
	 * Return the client this filter tracks calls for.
	 * @return the client
	 */
	public TrackedClient client() {
		return this.client;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return TrackedExchange.of(next.exchange(request), this.calls, this.client, request.method().name(),
				request.url());
	}

}
