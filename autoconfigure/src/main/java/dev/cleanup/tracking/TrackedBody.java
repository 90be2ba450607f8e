package dev.cleanup.tracking;

import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;

/**
 * A response body, or anything made of it, that ends its call when it completes, fails or
 * is cancelled.
 *
 * @author cleanup contributors
 */
final class TrackedBody {

	private TrackedBody() {
	}

	static <T> Mono<T> of(Mono<T> body, InFlightCalls calls, InFlightCall call) {
		return OfMono.track(body, calls, call);
	}

	static <T> Flux<T> of(Flux<T> body, InFlightCalls calls, InFlightCall call) {
		return OfFlux.track(body, calls, call);
	}

	private static final class OfMono<T> extends MonoOperator<T, T> {

		private final InFlightCalls calls;

		private final InFlightCall call;

		private OfMono(Mono<T> body, InFlightCalls calls, InFlightCall call) {
			super(body);
			this.calls = calls;
			this.call = call;
		}

		static <T> Mono<T> track(Mono<T> body, InFlightCalls calls, InFlightCall call) {
			return onAssembly(new OfMono<>(body, calls, call));
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			this.source.subscribe(new CallEndingSubscriber<>(actual, this.calls, this.call, true));
		}

	}

	private static final class OfFlux<T> extends FluxOperator<T, T> {

		private final InFlightCalls calls;

		private final InFlightCall call;

		private OfFlux(Flux<T> body, InFlightCalls calls, InFlightCall call) {
			super(body);
			this.calls = calls;
			this.call = call;
		}

		static <T> Flux<T> track(Flux<T> body, InFlightCalls calls, InFlightCall call) {
			return onAssembly(new OfFlux<>(body, calls, call));
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			this.source.subscribe(new CallEndingSubscriber<>(actual, this.calls, this.call, false));
		}

	}

}
