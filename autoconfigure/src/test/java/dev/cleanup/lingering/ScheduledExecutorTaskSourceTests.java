package dev.cleanup.lingering;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ScheduledExecutorTaskSource}, with real executors.
 *
 * @author cleanup contributors
 */
class ScheduledExecutorTaskSourceTests {

	private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);

	private final ScheduledExecutorTaskSource source = new ScheduledExecutorTaskSource("taskScheduler", this.executor);

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
	}

	@Test
	void delayedTasksArePendingNearestFirst() {
		for (int seconds = 60; seconds >= 10; seconds -= 10) {
			this.executor.schedule(named("refresh-" + seconds), seconds, TimeUnit.SECONDS);
		}
		TimeoutTaskSnapshot snapshot = this.source.snapshot(10, 2);
		assertThat(snapshot.pending()).isEqualTo(6);
		assertThat(snapshot.lingering()).isZero();
		assertThat(snapshot.lingeringTasks()).isEmpty();
		assertThat(snapshot.nearestPending()).hasSize(2).allSatisfy((task) -> {
			assertThat(task.source()).isEqualTo("taskScheduler");
			assertThat(task.isLingering()).isFalse();
		});
		assertThat(snapshot.nearestPending().get(0).description()).isEqualTo("delayed task refresh-10");
		assertThat(snapshot.nearestPending().get(0).remaining()).isBetween(Duration.ofSeconds(5),
				Duration.ofSeconds(10));
		assertThat(snapshot.nearestPending().get(1).description()).isEqualTo("delayed task refresh-20");
	}

	@Test
	void cancelledTaskLingersUntilRemovedAndRemovalTouchesNothingElse() {
		AtomicInteger runs = new AtomicInteger();
		ScheduledFuture<?> periodic = this.executor.scheduleAtFixedRate(runs::incrementAndGet, 0, 20,
				TimeUnit.MILLISECONDS);
		ScheduledFuture<?> live = this.executor.schedule(named("live-timeout"), 30, TimeUnit.SECONDS);
		ScheduledFuture<?> cancelled = this.executor.schedule(named("cancelled-timeout"), 30, TimeUnit.SECONDS);
		cancelled.cancel(false);
		TimeoutTaskSnapshot snapshot = this.source.snapshot(10, 10);
		assertThat(snapshot.pending()).isEqualTo(2);
		assertThat(snapshot.lingeringTasks()).singleElement().satisfies((task) -> {
			// the JDK drops a cancelled task's runnable: only its kind and delay are left
			assertThat(task.description()).isEqualTo("cancelled delayed task");
			assertThat(task.remaining()).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30));
			assertThat(task.reason()).isEqualTo(TimeoutTask.CANCELLED_NOT_REMOVED);
		});
		assertThat(snapshot.nearestPending()).extracting(TimeoutTask::description)
			.anySatisfy((description) -> assertThat(description).startsWith("periodic task "))
			.contains("delayed task live-timeout");
		RemovedTimeoutTasks removed = this.source.removeLingering(10);
		assertThat(removed.count()).isOne();
		assertThat(removed.tasks()).extracting(TimeoutTask::description).containsExactly("cancelled delayed task");
		assertThat(this.executor.getQueue()).hasSize(2).doesNotContain((Runnable) cancelled);
		assertThat(live.isCancelled()).isFalse();
		assertThat(periodic.isCancelled()).isFalse();
		int runsAfterRemoval = runs.get();
		await().until(() -> runs.get() > runsAfterRemoval + 2);
		assertThat(this.source.snapshot(10, 10).lingering()).isZero();
		assertThat(this.source.removeLingering(10)).isEqualTo(RemovedTimeoutTasks.NONE);
	}

	@Test
	void withRemoveOnCancelACancelledTaskLeavesTheQueueAtOnce() {
		this.executor.setRemoveOnCancelPolicy(true);
		this.executor.schedule(named("timeout"), 30, TimeUnit.SECONDS).cancel(false);
		TimeoutTaskSnapshot snapshot = this.source.snapshot(10, 10);
		assertThat(snapshot.pending()).isZero();
		assertThat(snapshot.lingering()).isZero();
	}

	@Test
	void tasksLeftInAShutDownExecutorLingerButAreNotRemoved() {
		this.executor.schedule(named("after-shutdown"), 30, TimeUnit.SECONDS);
		this.executor.scheduleAtFixedRate(named("job"), 30, 30, TimeUnit.SECONDS);
		this.executor.shutdown();
		TimeoutTaskSnapshot snapshot = this.source.snapshot(10, 10);
		// by default the executor keeps delayed tasks (and its thread) but drops periodic
		// ones
		assertThat(snapshot.lingeringTasks()).singleElement().satisfies((task) -> {
			assertThat(task.description()).isEqualTo("delayed task after-shutdown");
			assertThat(task.reason()).isEqualTo(TimeoutTask.OWNER_CLOSED);
		});
		assertThat(snapshot.pending()).isZero();
		assertThat(snapshot.note()).isEqualTo("executor is shut down");
		assertThat(this.source.removeLingering(10).count()).isZero();
		assertThat(this.executor.getQueue()).hasSize(1);
	}

	@Test
	void theListsAreBoundedButTheCountsAreNot() {
		for (int i = 1; i <= 500; i++) {
			this.executor.schedule(named("task-" + i), 1000 + i, TimeUnit.SECONDS).cancel(false);
			this.executor.schedule(named("live-" + i), 1000 + i, TimeUnit.SECONDS);
		}
		TimeoutTaskSnapshot snapshot = this.source.snapshot(3, 2);
		assertThat(snapshot.lingering()).isEqualTo(500);
		assertThat(snapshot.lingeringTasks()).hasSize(3).allSatisfy((task) -> {
			assertThat(task.description()).isEqualTo("cancelled delayed task");
			assertThat(task.remaining()).isLessThanOrEqualTo(Duration.ofSeconds(1003));
		});
		assertThat(snapshot.lingeringLeftOut()).isEqualTo(497);
		assertThat(snapshot.pending()).isEqualTo(500);
		assertThat(snapshot.nearestPending()).extracting(TimeoutTask::description)
			.containsExactly("delayed task live-1", "delayed task live-2");
		RemovedTimeoutTasks removed = this.source.removeLingering(4);
		assertThat(removed.count()).isEqualTo(500);
		assertThat(removed.tasks()).hasSize(4);
		assertThat(removed.leftOut()).isEqualTo(496);
		assertThat(this.executor.getQueue()).hasSize(500);
	}

	@Test
	void aSpringTaskSchedulerIsReadThroughItsExecutorOnceInitialized() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		ScheduledExecutorTaskSource schedulerSource = new ScheduledExecutorTaskSource("taskScheduler", scheduler);
		assertThat(schedulerSource.snapshot(10, 10).isAvailable()).isFalse();
		assertThat(schedulerSource.snapshot(10, 10).note()).startsWith("failed: IllegalStateException");
		scheduler.initialize();
		try {
			ScheduledFuture<?> future = scheduler.schedule(named("nightly-report"),
					Instant.now().plus(Duration.ofSeconds(30)));
			scheduler.schedule(named("hourly-report"), Instant.now().plus(Duration.ofSeconds(40)));
			future.cancel(false);
			TimeoutTaskSnapshot snapshot = schedulerSource.snapshot(10, 10);
			// Spring's scheduler leaves the remove-on-cancel policy off by default
			assertThat(snapshot.lingeringTasks()).singleElement().satisfies((task) -> {
				assertThat(task.description()).isEqualTo("cancelled delayed task");
				assertThat(task.reason()).isEqualTo(TimeoutTask.CANCELLED_NOT_REMOVED);
			});
			assertThat(snapshot.nearestPending()).singleElement()
				.satisfies((task) -> assertThat(task.description()).contains("hourly-report"));
			assertThat(schedulerSource.removeLingering(10).count()).isOne();
			assertThat(schedulerSource.snapshot(10, 10).lingering()).isZero();
			assertThat(schedulerSource.snapshot(10, 10).pending()).isOne();
		}
		finally {
			scheduler.shutdown();
		}
	}

	@Test
	void anExecutorThatWasGarbageCollectedIsReportedAsGone() {
		ScheduledExecutorTaskSource collectable = new ScheduledExecutorTaskSource("gone",
				new ScheduledThreadPoolExecutor(1));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			System.gc();
			return !collectable.snapshot(1, 1).isAvailable();
		});
		assertThat(collectable.snapshot(1, 1).note()).contains("garbage collected");
	}

	private static Runnable named(String name) {
		return new Runnable() {

			@Override
			public void run() {
			}

			@Override
			public String toString() {
				return name;
			}

		};
	}

}
