package dev.cleanup.lingering;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cleanup.tracking.InFlightCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link TimeoutTaskCensus}, with real executors.
 *
 * @author cleanup contributors
 */
class TimeoutTaskCensusTests {

	private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

	private final ScheduledThreadPoolExecutor jobs = new ScheduledThreadPoolExecutor(1);

	private final AtomicBoolean closing = new AtomicBoolean();

	private final TimeoutTaskCensus census = new TimeoutTaskCensus(this.closing::get, 4, 2);

	@AfterEach
	void shutdown() {
		this.scheduler.shutdownNow();
		this.jobs.shutdownNow();
	}

	@Test
	void lingeringTasksAreListedAcrossSourcesAndPendingOnesCountedPerSourceWithTheNearest() {
		this.census.addSource(new ScheduledExecutorTaskSource("scheduler", this.scheduler));
		this.census.addSource(new ScheduledExecutorTaskSource("jobs", this.jobs));
		for (int seconds = 10; seconds <= 50; seconds += 10) {
			this.scheduler.schedule(() -> {
			}, seconds, TimeUnit.SECONDS);
		}
		this.scheduler.schedule(() -> {
		}, 40, TimeUnit.SECONDS).cancel(false);
		this.jobs.schedule(() -> {
		}, 20, TimeUnit.SECONDS).cancel(false);
		this.jobs.scheduleWithFixedDelay(() -> {
		}, 60, 60, TimeUnit.SECONDS);
		TimeoutTaskReport report = this.census.report();
		assertThat(report.lingering()).extracting(TimeoutTask::source).containsExactly("jobs", "scheduler");
		assertThat(report.lingering())
			.allSatisfy((task) -> assertThat(task.reason()).isEqualTo(TimeoutTask.CANCELLED_NOT_REMOVED));
		assertThat(report.lingeringLeftOut()).isZero();
		assertThat(report.lingeringCount()).isEqualTo(2);
		TimeoutTaskReport.SourceCounts scheduler = report.source("scheduler");
		assertThat(scheduler).isNotNull();
		assertThat(scheduler.pending()).isEqualTo(5);
		assertThat(scheduler.lingering()).isOne();
		assertThat(scheduler.nearest()).hasSize(2);
		assertThat(scheduler.nearest().get(0).remaining()).isLessThanOrEqualTo(Duration.ofSeconds(10));
		assertThat(scheduler.nearest().get(1).remaining()).isGreaterThan(Duration.ofSeconds(10))
			.isLessThanOrEqualTo(Duration.ofSeconds(20));
		TimeoutTaskReport.SourceCounts jobs = report.source("jobs");
		assertThat(jobs).isNotNull();
		assertThat(jobs.pending()).isOne();
		assertThat(jobs.nearest()).singleElement()
			.satisfies((task) -> assertThat(task.description()).startsWith("periodic task "));
	}

	@Test
	void theLingeringListIsBoundedWithACountOfWhatWasLeftOut() {
		this.census.addSource(new ScheduledExecutorTaskSource("scheduler", this.scheduler));
		this.census.addSource(new ScheduledExecutorTaskSource("jobs", this.jobs));
		for (int i = 1; i <= 5; i++) {
			this.scheduler.schedule(() -> {
			}, 100 + i, TimeUnit.SECONDS).cancel(false);
			this.jobs.schedule(() -> {
			}, 200 + i, TimeUnit.SECONDS).cancel(false);
		}
		TimeoutTaskReport report = this.census.report();
		assertThat(report.lingering()).hasSize(4).allSatisfy((task) -> {
			assertThat(task.source()).isEqualTo("scheduler");
			assertThat(task.remaining()).isLessThan(Duration.ofSeconds(105));
		});
		assertThat(report.lingeringLeftOut()).isEqualTo(6);
		assertThat(report.lingeringCount()).isEqualTo(10);
	}

	@Test
	void onceTheContextIsClosingEveryQueuedTaskLingers() {
		ScheduledExecutorTaskSource source = new ScheduledExecutorTaskSource("jobs", this.jobs);
		this.census.addSource(source);
		this.jobs.scheduleAtFixedRate(() -> {
		}, 30, 30, TimeUnit.SECONDS);
		this.jobs.schedule(() -> {
		}, 10, TimeUnit.SECONDS);
		this.jobs.schedule(() -> {
		}, 20, TimeUnit.SECONDS).cancel(false);
		assertThat(this.census.report().lingering()).hasSize(1);
		assertThat(this.census.lingeringCount(source)).isEqualTo(1);
		this.closing.set(true);
		assertThat(this.census.lingeringCount(source)).isEqualTo(3);
		TimeoutTaskReport report = this.census.report();
		assertThat(report.lingering()).extracting(TimeoutTask::reason)
			.containsExactly(TimeoutTask.CONTEXT_CLOSING, TimeoutTask.CANCELLED_NOT_REMOVED,
					TimeoutTask.CONTEXT_CLOSING);
		TimeoutTaskReport.SourceCounts jobs = report.source("jobs");
		assertThat(jobs).isNotNull();
		assertThat(jobs.pending()).isZero();
		assertThat(jobs.lingering()).isEqualTo(3);
		assertThat(jobs.nearest()).isEmpty();
	}

	@Test
	void aFailingSourceIsReportedAndTheOthersStillAnswer() {
		this.census.addSource(new FailingSource());
		this.census.addSource(new ScheduledExecutorTaskSource("scheduler", this.scheduler));
		this.scheduler.schedule(() -> {
		}, 30, TimeUnit.SECONDS).cancel(false);
		TimeoutTaskReport report = this.census.report();
		assertThat(report.lingering()).singleElement()
			.satisfies((task) -> assertThat(task.source()).isEqualTo("scheduler"));
		TimeoutTaskReport.SourceCounts failing = report.source("failing");
		assertThat(failing).isNotNull();
		assertThat(failing.pending()).isEqualTo(-1);
		assertThat(failing.note()).isEqualTo("failed: IllegalStateException: queue is gone");
		assertThat(this.census.removeLingering().count()).isOne();
	}

	@Test
	void removingLingeringTasksNeverTouchesALiveCallsTimeoutOrAUsersJob() {
		InFlightCalls calls = new InFlightCalls();
		this.census.addSource(new ScheduledExecutorTaskSource("jobs", this.jobs));
		this.census.addSource(new OverdueCallTaskSource(calls));
		AtomicInteger runs = new AtomicInteger();
		ScheduledFuture<?> job = this.jobs.scheduleAtFixedRate(runs::incrementAndGet, 0, 20, TimeUnit.MILLISECONDS);
		ScheduledFuture<?> timeout = this.jobs.schedule(() -> {
		}, 30, TimeUnit.SECONDS);
		this.jobs.schedule(() -> {
		}, 30, TimeUnit.SECONDS).cancel(false);
		calls.start(calls.namedClient("payments"), "GET", URI.create("http://127.0.0.1:1/slow"), Duration.ZERO);
		await().until(() -> this.census.report().lingeringCount() == 2);
		RemovedTimeoutTasks removed = this.census.removeLingering();
		assertThat(removed.count()).isOne();
		assertThat(removed.tasks()).singleElement().satisfies((task) -> {
			assertThat(task.source()).isEqualTo("jobs");
			assertThat(task.reason()).isEqualTo(TimeoutTask.CANCELLED_NOT_REMOVED);
		});
		TimeoutTaskReport report = this.census.report();
		assertThat(report.lingering()).singleElement()
			.satisfies((task) -> assertThat(task.reason()).isEqualTo(TimeoutTask.DEADLINE_PASSED));
		assertThat(job.isCancelled()).isFalse();
		assertThat(timeout.isCancelled()).isFalse();
		assertThat(this.jobs.getQueue()).hasSize(2);
		int runsAfterRemoval = runs.get();
		await().until(() -> runs.get() > runsAfterRemoval + 2);
	}

	@Test
	void sourcesCanBeRemoved() {
		ScheduledExecutorTaskSource source = new ScheduledExecutorTaskSource("scheduler", this.scheduler);
		this.census.addSource(source);
		assertThat(this.census.sources()).containsExactly(source);
		assertThat(this.census.removeSource(source)).isTrue();
		assertThat(this.census.report().sources()).isEmpty();
	}

	/**
	 * A source whose queue is gone.
	 */
	static final class FailingSource implements TimeoutTaskSource {

		@Override
		public String name() {
			return "failing";
		}

		@Override
		public TimeoutTaskSnapshot snapshot(int lingeringLimit, int pendingLimit) {
			throw new IllegalStateException("queue is gone");
		}

		@Override
		public RemovedTimeoutTasks removeLingering(int limit) {
			throw new IllegalStateException("queue is gone");
		}

	}

}
