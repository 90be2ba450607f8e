package dev.cleanup.tracking;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Scannable;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * Passes every signal through unchanged and ends a tracked call when the sequence
 * completes, fails or is cancelled. One subscriber instead of a chain of {@code doOn...}
 * operators keeps tracking to a few objects per call. The call ends before the terminal
 * signal goes downstream, so that a caller that sees the end (a {@code block()}
 * returning, say) never sees the call still in flight.
 *
 * @param <T> the element type
 * @author cleanup contributors
 */
class CallEndingSubscriber<T> implements CoreSubscriber<T>, Subscription, Scannable {

	final CoreSubscriber<? super T> actual;

	final InFlightCalls calls;

	final InFlightCall call;

	private final boolean endsOnValue;

	private @Nullable Subscription upstream;

	/**
	 * Create a subscriber.
	 * @param actual the downstream subscriber
	 * @param calls where the call is tracked
	 * @param call the call to end
	 * @param endsOnValue whether the first value ends the call: a {@code Mono} made of a
	 * response body emits once the body has been read, and a caller blocking on it
	 * returns at that value, before completion
	 */
	CallEndingSubscriber(CoreSubscriber<? super T> actual, InFlightCalls calls, InFlightCall call,
			boolean endsOnValue) {
		this.actual = actual;
		this.calls = calls;
		this.call = call;
		this.endsOnValue = endsOnValue;
	}

	@Override
	public void onSubscribe(Subscription subscription) {
		if (Operators.validate(this.upstream, subscription)) {
			this.upstream = subscription;
			this.actual.onSubscribe(this);
		}
	}

	@Override
	public void onNext(T value) {
		try {
			if (this.endsOnValue) {
				this.calls.end(this.call, null);
			}
		}
		finally {
			this.actual.onNext(value);
		}
	}

	@Override
	public void onError(Throwable failure) {
		try {
			this.calls.end(this.call, failure);
		}
		finally {
			this.actual.onError(failure);
		}
	}

	@Override
	public void onComplete() {
		try {
			endOnComplete();
		}
		finally {
			this.actual.onComplete();
		}
	}

	/**
	 * End the call on completion.
	 */
	void endOnComplete() {
		this.calls.end(this.call, null);
	}

	@Override
	public void request(long n) {
		Subscription upstream = this.upstream;
		if (upstream != null) {
			upstream.request(n);
		}
	}

	@Override
	public void cancel() {
		try {
			Subscription upstream = this.upstream;
			if (upstream != null) {
				upstream.cancel();
			}
		}
		finally {
			this.calls.end(this.call, null);
		}
	}

	@Override
	public Context currentContext() {
		return this.actual.currentContext();
	}

	@Override
	public @Nullable Object scanUnsafe(Attr key) {
		if (key == Attr.PARENT) {
			return this.upstream;
		}
		if (key == Attr.ACTUAL) {
			return this.actual;
		}
		if (key == Attr.RUN_STYLE) {
			return Attr.RunStyle.SYNC;
		}
		return null;
	}

}
