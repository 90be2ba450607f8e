package dev.cleanup.lingering;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ExitWatchdog} in this JVM, with the wait and the exit recorded instead
 * of done. {@link ExitWatchdogChildJvmTests} proves the real thing.
 *
 * @author cleanup contributors
 */
class ExitWatchdogTests {

	private final CountDownLatch release = new CountDownLatch(1);

	private final RecordingLog log = new RecordingLog();

	private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	private final List<Integer> exits = new CopyOnWriteArrayList<>();

	private final List<Thread> watchdogThreads = new CopyOnWriteArrayList<>();

	@AfterEach
	void releaseLeftoverThreads() throws InterruptedException {
		this.release.countDown();
	}

	@Test
	void withActionLogALeftoverNonDaemonThreadIsReportedWithItsStackAndOwnerHint() throws Exception {
		Thread leftover = leftoverThread("pool-77-thread-1", false);
		ExitWatchdog watchdog = watchdog(Duration.ofSeconds(2), false);
		assertThat(watchdog.start()).isTrue();
		await().untilAsserted(() -> assertThat(this.log.joined()).contains("keep the JVM from exiting"));
		assertThat(this.sleeps).containsExactly(Duration.ofSeconds(2));
		assertThat(this.log.joined())
			.contains("Non-daemon thread 'pool-77-thread-1' (WAITING, owner: a user executor or Netty timer")
			.contains("is still alive 2000 ms after the application context closed")
			.contains("java.util.concurrent.CountDownLatch.await(")
			.contains("ExitWatchdogTests.awaitRelease(");
		assertThat(this.exits).isEmpty();
		assertThat(this.watchdogThreads).singleElement().satisfies((thread) -> {
			assertThat(thread.getName()).isEqualTo(ExitWatchdog.THREAD_NAME);
			assertThat(thread.isDaemon()).isTrue();
		});
		assertThat(leftover.isAlive()).isTrue();
	}

	@Test
	void withActionExitALeftoverThreadEndsTheJvmWithStatusZero() throws Exception {
		leftoverThread("HttpClient@5e1f00d-42", false);
		ExitWatchdog watchdog = watchdog(Duration.ofMillis(100), true);
		assertThat(watchdog.start()).isTrue();
		await().until(() -> !this.exits.isEmpty());
		assertThat(this.exits).containsExactly(0);
		assertThat(this.log.joined()).contains("Non-daemon thread 'HttpClient@5e1f00d-42'")
			.contains("owner: Jetty HttpClient (not stopped)")
			.contains("calling System.exit(0)");
	}

	@Test
	void daemonThreadsAndTheMainThreadAreNotLeftovers() throws Exception {
		Thread daemon = leftoverThread("pool-78-thread-1", true);
		Thread nonDaemon = leftoverThread("pool-79-thread-1", false);
		List<Thread> leftovers = ExitWatchdog.leftoverThreads();
		assertThat(leftovers).contains(nonDaemon).doesNotContain(daemon, Thread.currentThread());
		assertThat(leftovers).extracting(Thread::getName).doesNotContain("main", "DestroyJavaVM");
	}

	@Test
	void standsDownWhileAnotherApplicationContextRuns() throws Exception {
		leftoverThread("HttpClient@5e1f00d-43", false);
		AtomicInteger running = new AtomicInteger(1);
		ExitWatchdog watchdog = new ExitWatchdog(Duration.ofMillis(100), true, 0, this.sleeps::add, this.exits::add,
				this.log, running::get);
		assertThat(watchdog.check()).isEmpty();
		assertThat(this.log.joined()).doesNotContain("still alive");
		running.set(0);
		assertThat(watchdog.check()).extracting(Thread::getName).contains("HttpClient@5e1f00d-43");
		assertThat(this.exits).containsExactly(0);
	}

	@Test
	void onlyTheWatchdogStartedLastReports() throws Exception {
		leftoverThread("HttpClient@5e1f00d-44", false);
		CountDownLatch bothStarted = new CountDownLatch(1);
		ExitWatchdog earlier = new ExitWatchdog(Duration.ofMillis(100), false, 0, (duration) -> bothStarted.await(),
				this.exits::add, this.log, () -> 0);
		ExitWatchdog later = watchdog(Duration.ofMillis(100), false);
		assertThat(earlier.start()).isTrue();
		assertThat(later.start()).isTrue();
		await().untilAsserted(() -> assertThat(this.log.joined()).contains("keep the JVM from exiting"));
		String laterReport = this.log.joined();
		bothStarted.countDown();
		await().during(Duration.ofMillis(300))
			.untilAsserted(() -> assertThat(this.log.joined()).isEqualTo(laterReport));
		assertThat(laterReport.split("keep the JVM from exiting", -1)).hasSize(2);
	}

	@Test
	void startsOnlyOnce() {
		ExitWatchdog watchdog = watchdog(Duration.ofMillis(10), false);
		assertThat(watchdog.start()).isTrue();
		assertThat(watchdog.start()).isFalse();
		await().until(() -> this.sleeps.size() == 1);
		assertThat(this.watchdogThreads).hasSize(1);
	}

	@Test
	void noShutdownIsInProgressWhileTestsRun() {
		assertThat(ExitWatchdog.isShutdownInProgress()).isFalse();
		assertThat(ExitWatchdog.isShutdownInProgress()).as("the probe hook was removed").isFalse();
	}

	@Test
	void negativeGraceIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ExitWatchdog(Duration.ofSeconds(-1), false));
	}

	private ExitWatchdog watchdog(Duration grace, boolean exit) {
		return new ExitWatchdog(grace, exit, (duration) -> {
			this.watchdogThreads.add(Thread.currentThread());
			this.sleeps.add(duration);
		}, this.exits::add, this.log);
	}

	private Thread leftoverThread(String name, boolean daemon) {
		Thread thread = new Thread(this::awaitRelease, name);
		thread.setDaemon(daemon);
		thread.start();
		await().until(() -> thread.getState() == Thread.State.WAITING);
		return thread;
	}

	private void awaitRelease() {
		try {
			this.release.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
