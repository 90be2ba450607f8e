package dev.cleanup.core;

import dev.cleanup.core.plan.ShutdownBudget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link StageRunner}, with real threads.
 *
 * @author cleanup contributors
 */
class StageRunnerTests {

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	/** Generous slack for a shared, noisy machine. */
	private static final Duration SLACK = Duration.ofMillis(1500);

	private final StageRunner runner = new StageRunner();

	private final CountDownLatch never = new CountDownLatch(1);

	@AfterEach
	void release() {
		this.never.countDown();
	}

	@Test
	void slowGracefulCloseThatFinishesInTimeIsGraceful() {
		Participant slow = participant("slow", (deadline) -> {
			Thread.sleep(200);
			return true;
		});
		List<CloseResult> results = closeWithinBudget(List.of(slow), TIMEOUT);
		assertThat(results).singleElement().satisfies((result) -> {
			assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL);
			assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
			assertThat(result.detail()).isNull();
		});
	}

	@Test
	void closeThatHangsForeverIsInterruptedAndForced() {
		AtomicBoolean interrupted = new AtomicBoolean();
		AtomicBoolean forced = new AtomicBoolean();
		Participant hanging = participant("hanging", new Teardown() {

			@Override
			public boolean closeGracefully(Deadline deadline) {
				try {
					StageRunnerTests.this.never.await();
				}
				catch (InterruptedException ex) {
					interrupted.set(true);
				}
				return true;
			}

			@Override
			public boolean closeForcibly() {
				forced.set(true);
				return true;
			}

		});
		List<CloseResult> results = closeWithinBudget(List.of(hanging), TIMEOUT);
		assertThat(results).singleElement().satisfies((result) -> {
			assertThat(result.outcome()).isEqualTo(Outcome.FORCED);
			assertThat(result.detail()).contains("did not finish within 500 ms");
		});
		assertThat(forced).isTrue();
		assertThat(interrupted).isTrue();
	}

	@Test
	void closeThatHangsAndCannotBeForcedTimesOut() {
		Participant hanging = participant("hanging", (deadline) -> {
			this.never.await();
			return true;
		});
		List<CloseResult> results = closeWithinBudget(List.of(hanging), TIMEOUT);
		assertThat(results).singleElement().satisfies((result) -> {
			assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
			assertThat(result.detail()).contains("cannot be forced");
		});
	}

	@Test
	void closeThatIgnoresInterruptsIsAbandonedOnADaemonThread() {
		AtomicBoolean stillRunning = new AtomicBoolean();
		List<Thread> threads = new ArrayList<>();
		Teardown stubborn = new Teardown() {

			@Override
			public boolean closeGracefully(Deadline deadline) {
				threads.add(Thread.currentThread());
				stillRunning.set(true);
				ignoreInterrupts();
				return true;
			}

			@Override
			public boolean closeForcibly() {
				ignoreInterrupts();
				return true;
			}

			private void ignoreInterrupts() {
				while (StageRunnerTests.this.never.getCount() > 0) {
					try {
						StageRunnerTests.this.never.await();
					}
					catch (InterruptedException ex) {
						// deliberately ignored
					}
				}
			}

		};
		List<CloseResult> results = closeWithinBudget(List.of(participant("stubborn", stubborn)), TIMEOUT);
		assertThat(results).singleElement().satisfies((result) -> {
			assertThat(result.outcome()).isEqualTo(Outcome.TIMED_OUT);
			assertThat(result.detail()).contains("abandoned");
		});
		assertThat(stillRunning).isTrue();
		assertThat(threads).singleElement().satisfies((thread) -> {
			assertThat(thread.isAlive()).isTrue();
			assertThat(thread.isDaemon()).isTrue();
			assertThat(thread.getName()).startsWith("cleanup-close-");
		});
	}

	@Test
	void closeThatThrowsFailsWithoutStoppingTheOthers() {
		AtomicBoolean otherClosed = new AtomicBoolean();
		Participant throwing = participant("throwing", (deadline) -> {
			throw new IllegalStateException("boom");
		});
		Participant other = participant("other", (deadline) -> {
			otherClosed.set(true);
			return true;
		});
		List<CloseResult> results = closeWithinBudget(List.of(throwing, other), TIMEOUT);
		assertThat(results).extracting(CloseResult::name, CloseResult::outcome)
			.containsExactly(tuple("throwing", Outcome.FAILED), tuple("other", Outcome.GRACEFUL));
		assertThat(results.get(0).detail()).isEqualTo("java.lang.IllegalStateException: boom");
		assertThat(otherClosed).isTrue();
	}

	@Test
	void gracefulCloseThatGivesUpIsForced() {
		AtomicBoolean forced = new AtomicBoolean();
		Participant busy = participant("busy", new Teardown() {

			@Override
			public boolean closeGracefully(Deadline deadline) throws InterruptedException {
				return deadline.await(() -> false);
			}

			@Override
			public boolean closeForcibly() {
				forced.set(true);
				return true;
			}

		});
		List<CloseResult> results = closeWithinBudget(List.of(busy), TIMEOUT);
		assertThat(results).singleElement().satisfies((result) -> {
			assertThat(result.outcome()).isEqualTo(Outcome.FORCED);
			assertThat(result.detail()).contains("still in use");
		});
		assertThat(forced).isTrue();
	}

	@Test
	void closingTwiceClosesOnce() {
		AtomicInteger closes = new AtomicInteger();
		Participant once = participant("once", (deadline) -> closes.incrementAndGet() > 0);
		closeWithinBudget(List.of(once), TIMEOUT);
		List<CloseResult> second = closeWithinBudget(List.of(once), TIMEOUT);
		assertThat(second).singleElement().satisfies((result) -> {
			assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
			assertThat(result.detail()).isEqualTo("already closed");
		});
		assertThat(closes).hasValue(1);
		assertThat(once.lastResult()).isNotNull();
	}

	@Test
	void thousandParticipantsCloseInParallel() {
		Duration slowest = Duration.ofMillis(1000);
		List<Participant> participants = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			long sleep = (i == 999) ? slowest.toMillis() : 200;
			participants.add(participant("p" + i, (deadline) -> {
				Thread.sleep(sleep);
				return true;
			}));
		}
		long start = System.nanoTime();
		List<CloseResult> results = this.runner.close(Stage.CLOSE, closings(participants, Duration.ofSeconds(5)));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(results).hasSize(1000)
			.allSatisfy((result) -> assertThat(result.outcome()).isEqualTo(Outcome.GRACEFUL));
		// the sum would be more than 200 s; parallel closing is close to the slowest
		assertThat(took).isLessThan(slowest.plus(SLACK).plus(SLACK));
	}

	private List<CloseResult> closeWithinBudget(List<Participant> participants, Duration timeout) {
		long start = System.nanoTime();
		List<CloseResult> results = this.runner.close(Stage.CLOSE, closings(participants, timeout));
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).isLessThan(timeout.plus(ShutdownBudget.FORCE_TIMEOUT).plus(SLACK));
		return results;
	}

	private static List<StageRunner.Closing> closings(List<Participant> participants, Duration timeout) {
		return participants.stream().map((participant) -> new StageRunner.Closing(participant, timeout)).toList();
	}

	private static Participant participant(String name, Teardown teardown) {
		return Participant.builder(name).teardown(teardown).build();
	}

}
