package dev.cleanup.lingering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ClientThreadCensus}, with real threads.
 *
 * @author cleanup contributors
 */
class ClientThreadCensusTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<ExecutorService> executors = new ArrayList<>();

	private final ClientThreadCensus census = new ClientThreadCensus();

	@AfterEach
	void stopThreads() throws InterruptedException {
		this.release.countDown();
		for (ExecutorService executor : this.executors) {
			executor.shutdownNow();
			executor.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void threadsOfAClosedPoolThatAreStillAliveAreListedUntilTheyEnd() {
		ExecutorService executor = busyExecutor("HttpClient-99-Worker-", 2, false);
		this.census.poolClosed("jdk-httpclient 'legacy'", "HttpClient-99-");
		await().until(() -> this.census.leakedThreads().threads().size() == 2);
		assertThat(this.census.leakedThreads().threads()).allSatisfy((thread) -> {
			assertThat(thread.name()).startsWith("HttpClient-99-Worker-");
			assertThat(thread.daemon()).isFalse();
			assertThat(thread.state()).isEqualTo(Thread.State.WAITING);
			assertThat(thread.ownerHint()).isEqualTo("jdk-httpclient 'legacy' (JDK HttpClient)");
		});
		this.release.countDown();
		executor.shutdown();
		await().until(() -> this.census.leakedThreads().threads().isEmpty());
	}

	@Test
	void threadsOfPoolsNotClosedAreNotListed() {
		busyExecutor("HttpClient-98-Worker-", 1, false);
		this.census.poolClosed("other", "HttpClient-9-");
		assertThat(this.census.leakedThreads().threads()).isEmpty();
		assertThat(new ClientThreadCensus().leakedThreads().threads()).isEmpty();
	}

	@Test
	void aPredicateMatchesThreadsToo() {
		busyExecutor("custom-io-", 1, true);
		this.census.poolClosed("custom", (thread) -> thread.getName().startsWith("custom-io-") && thread.isDaemon());
		await().untilAsserted(() -> assertThat(this.census.leakedThreads().threads()).singleElement()
			.satisfies((thread) -> assertThat(thread.daemon()).isTrue()));
	}

	@Test
	void theListIsBoundedWithACountOfWhatWasLeftOut() {
		ClientThreadCensus bounded = new ClientThreadCensus(2);
		busyExecutor("reactor-http-nio-test-", 5, true);
		bounded.poolClosed("reactor-netty", "reactor-http-nio-test-");
		await().untilAsserted(() -> {
			ClientThreadCensus.LeakedThreads leaked = bounded.leakedThreads();
			assertThat(leaked.threads()).hasSize(2);
			assertThat(leaked.leftOut()).isEqualTo(3);
		});
	}

	@Test
	void aJettyClientStoppedLeavesNoThreadsBehind() throws Exception {
		HttpClient client = new HttpClient();
		client.start();
		String prefix;
		try {
			prefix = ((QueuedThreadPool) client.getExecutor()).getName();
			assertThat(prefix).startsWith("HttpClient@");
			this.census.poolClosed("jetty-httpclient", prefix);
			// while it runs, its threads match: the census would list them had it been
			// closed
			await().untilAsserted(
					() -> assertThat(this.census.leakedThreads().threads()).isNotEmpty().allSatisfy((thread) -> {
						assertThat(thread.name()).startsWith(prefix);
						assertThat(thread.daemon()).isFalse();
						assertThat(thread.ownerHint()).isEqualTo("jetty-httpclient (Jetty HttpClient (not stopped))");
					}));
		}
		finally {
			client.stop();
		}
		await().until(() -> this.census.leakedThreads().threads().isEmpty());
	}

	private ExecutorService busyExecutor(String prefix, int threads, boolean daemon) {
		AtomicInteger count = new AtomicInteger();
		ThreadFactory factory = (runnable) -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(daemon);
			return thread;
		};
		ExecutorService executor = Executors.newFixedThreadPool(threads, factory);
		this.executors.add(executor);
		for (int i = 0; i < threads; i++) {
			executor.submit(() -> {
				this.release.await();
				return null;
			});
		}
		return executor;
	}

}
