package dev.cleanup.tracking;

import java.net.URI;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;

import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * A WebClient exchange that starts tracking a call on each subscription and hands the
 * call on to the response, whose body ends it. The call ends here when the exchange
 * fails, is cancelled or completes without a response.
 *
 * @author cleanup contributors
 */
final class TrackedExchange extends MonoOperator<ClientResponse, ClientResponse> {

	private final InFlightCalls calls;

	private final TrackedClient client;

	private final String method;

	private final URI uri;

	private TrackedExchange(Mono<ClientResponse> exchange, InFlightCalls calls, TrackedClient client, String method,
			URI uri) {
		super(exchange);
		this.calls = calls;
		this.client = client;
		this.method = method;
		this.uri = uri;
	}

	/**
	 * Track the calls an exchange makes.
	 * @param exchange the exchange
	 * @param calls where calls are tracked
	 * @param client the client making them
	 * @param method the request method
	 * @param uri the request URI
	 * @return the tracked exchange
	 */
	static Mono<ClientResponse> of(Mono<ClientResponse> exchange, InFlightCalls calls, TrackedClient client,
			String method, URI uri) {
		return onAssembly(new TrackedExchange(exchange, calls, client, method, uri));
	}

	@Override
	public void subscribe(CoreSubscriber<? super ClientResponse> actual) {
		InFlightCall call = this.calls.start(this.client, this.method, this.uri);
		this.source.subscribe(new ResponseSubscriber(actual, this.calls, call));
	}

	private static final class ResponseSubscriber extends CallEndingSubscriber<ClientResponse> {

		private boolean responded;

		ResponseSubscriber(CoreSubscriber<? super ClientResponse> actual, InFlightCalls calls, InFlightCall call) {
			super(actual, calls, call, false);
		}

		@Override
		public void onNext(ClientResponse response) {
			this.responded = true;
			this.actual.onNext(new TrackedClientResponse(response, this.calls, this.call));
		}

		@Override
		void endOnComplete() {
			if (!this.responded) {
				super.endOnComplete();
			}
		}

	}

}
