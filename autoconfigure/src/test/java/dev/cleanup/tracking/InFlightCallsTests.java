package dev.cleanup.tracking;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InFlightCalls} on its own: a call is in the set from start to end,
 * whichever threads start and end it.
 *
 * @author cleanup contributors
 */
class InFlightCallsTests {

	private static final URI URI = java.net.URI.create("http://127.0.0.1:1/path");

	private final InFlightCalls calls = new InFlightCalls();

	private final TrackedClient client = this.calls.namedClient("client");

	@Test
	void callEndedTwiceIsForgottenOnce() {
		InFlightCall call = this.calls.start(this.client, "GET", URI);
		InFlightCall other = this.calls.start(this.client, "GET", URI);
		this.calls.end(call, null);
		this.calls.end(call, null);
		assertThat(this.calls.inFlightCount()).isOne();
		assertThat(this.client.inFlightCount()).isOne();
		assertThat(this.calls.snapshot()).containsExactly(other);
	}

	@Test
	void callsEndedInAnyOrderLeaveTheOthersInPlace() {
		List<InFlightCall> started = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			started.add(this.calls.start(this.client, "GET", URI));
		}
		this.calls.end(started.get(2), null);
		this.calls.end(started.get(4), null);
		this.calls.end(started.get(0), null);
		assertThat(this.calls.snapshot()).containsExactly(started.get(1), started.get(3));
		this.calls.end(started.get(3), null);
		this.calls.end(started.get(1), null);
		assertThat(this.calls.snapshot()).isEmpty();
		assertThat(this.calls.inFlightCount()).isZero();
	}

	@Test
	void callsStartedAndEndedOnManyThreadsAreAllCountedAndForgotten() throws Exception {
		int threads = 8;
		int callsPerThread = 5_000;
		ExecutorService starters = Executors.newFixedThreadPool(threads);
		ExecutorService enders = Executors.newFixedThreadPool(threads);
		try {
			ConcurrentLinkedQueue<InFlightCall> kept = new ConcurrentLinkedQueue<>();
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				work.add(starters.submit(() -> {
					go.await();
					for (int i = 0; i < callsPerThread; i++) {
						InFlightCall call = this.calls.start(this.client, "GET", URI);
						if (i % 2 == 0) {
							kept.add(call);
						}
						else {
							// ended on another thread, as a reactive call is
							enders.submit(() -> this.calls.end(call, null));
						}
					}
					return null;
				}));
			}
			go.countDown();
			for (Future<?> future : work) {
				future.get(60, TimeUnit.SECONDS);
			}
			enders.shutdown();
			assertThat(enders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			int expected = threads * callsPerThread / 2;
			assertThat(this.calls.inFlightCount()).isEqualTo(expected);
			assertThat(this.client.inFlightCount()).isEqualTo(expected);
			assertThat(this.calls.snapshot()).hasSize(expected).containsExactlyInAnyOrderElementsOf(kept);
			kept.parallelStream().forEach((call) -> this.calls.end(call, null));
			assertThat(this.calls.inFlightCount()).isZero();
			assertThat(this.calls.snapshot()).isEmpty();
		}
		finally {
			starters.shutdownNow();
			enders.shutdownNow();
		}
	}

	@Test
	void callFailingOnAPoolClosedElsewhereIsTheApplicationsOwnFailure() {
		TrackedClient other = this.calls.namedClient("other");
		InFlightCall call = this.calls.start(this.client, "GET", URI);
		other.poolClosing();
		assertThat(this.calls.end(call, new IllegalStateException("upstream said no"))).isTrue();
		assertThat(this.calls.cutCalls()).isEmpty();
	}

	@Test
	void callOfAClientCarriedByAClosingPoolCountsAsCut() {
		TrackedClient pool = this.calls.namedClient("pool");
		pool.carries(this.client);
		InFlightCall call = this.calls.start(this.client, "GET", URI);
		pool.poolClosing();
		assertThat(this.calls.end(call, new IllegalStateException("Connection pool shut down"))).isFalse();
		assertThat(this.calls.cutCalls()).singleElement()
			.satisfies((cut) -> assertThat(cut.client()).isEqualTo("client"));
	}

	@Test
	void clientCarriedOnceItsPoolStartedClosingIsClosingToo() {
		TrackedClient pool = this.calls.namedClient("pool");
		pool.poolClosing();
		pool.carries(this.client);
		InFlightCall call = this.calls.start(this.client, "GET", URI);
		assertThat(this.calls.end(call, new IllegalStateException("Connection pool shut down"))).isFalse();
	}

	@Test
	void callOnAPoolTheStarterCannotSeeCountsAsCutOnceAnyPoolCloses() {
		this.client.runsOnUnseenPool();
		InFlightCall before = this.calls.start(this.client, "GET", URI);
		assertThat(this.calls.end(before, new IllegalStateException("upstream said no"))).isTrue();
		InFlightCall call = this.calls.start(this.client, "GET", URI);
		this.calls.namedClient("other").poolClosing();
		assertThat(this.calls.end(call, new IllegalStateException("Connection pool shut down"))).isFalse();
		assertThat(this.calls.cutCalls()).hasSize(1);
	}

}
