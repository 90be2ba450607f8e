package dev.cleanup.lingering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ReactorSchedulerTaskSource}, with real Reactor schedulers.
 *
 * @author cleanup contributors
 */
class ReactorSchedulerTaskSourceTests {

	private final ReactorSchedulerTaskSource source = new ReactorSchedulerTaskSource();

	private final List<Disposable> disposables = new ArrayList<>();

	/**
	 * The users found: contexts a test framework caches keep theirs.
	 */
	private int users;

	@BeforeEach
	void startUninstalled() {
		// Spring tests in the same JVM install the decorator through the starter
		this.users = ReactorSchedulerTaskSource.users();
		ReactorSchedulerTaskSource.reset();
	}

	@AfterEach
	void cleanUp() {
		this.disposables.forEach(Disposable::dispose);
		ReactorSchedulerTaskSource.reset();
		for (int i = 0; i < this.users; i++) {
			ReactorSchedulerTaskSource.install();
		}
	}

	@Test
	void withoutInstallTheSourceSaysHowToInstallIt() {
		TimeoutTaskSnapshot snapshot = this.source.snapshot(10, 5);
		assertThat(snapshot.isAvailable()).isFalse();
		assertThat(snapshot.note()).contains("ReactorSchedulerTaskSource.install()");
	}

	@Test
	void monoTimeoutsOnTheDefaultParallelSchedulerArePendingUntilDisposed() {
		assertThat(ReactorSchedulerTaskSource.install()).isTrue();
		// Another test in this JVM may have created the cached parallel scheduler before
		// the decorator was installed; dispose it so that the next use creates it anew
		Schedulers.shutdownNow();
		List<Disposable> subscriptions = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			subscriptions.add(Mono.never().timeout(Duration.ofSeconds(30)).subscribe((value) -> {
			}, (error) -> {
			}));
		}
		this.disposables.addAll(subscriptions);
		TimeoutTaskSnapshot snapshot = this.source.snapshot(10, 5);
		assertThat(snapshot.source()).isEqualTo(ReactorSchedulerTaskSource.NAME);
		assertThat(snapshot.pending()).isEqualTo(3);
		assertThat(snapshot.lingering()).isZero();
		assertThat(snapshot.nearestPending()).hasSize(3).allSatisfy((task) -> {
			assertThat(task.remaining()).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30));
			assertThat(task.origin()).contains("\"parallel\"");
			assertThat(task.description()).startsWith("delayed task reactor.core.scheduler.SchedulerTask@");
		});
		subscriptions.forEach(Disposable::dispose);
		// Reactor sets the remove-on-cancel policy: nothing lingers, nothing to remove
		await().until(() -> this.source.snapshot(10, 5).pending() == 0);
		assertThat(this.source.snapshot(10, 5).lingering()).isZero();
		assertThat(this.source.removeLingering(10).count()).isZero();
	}

	@Test
	void aDedicatedSchedulerIsCapturedAndDroppedOnceDisposed() {
		ReactorSchedulerTaskSource.install();
		Scheduler scheduler = Schedulers.newParallel("lingering-test", 2);
		this.disposables.add(scheduler);
		for (int i = 1; i <= 4; i++) {
			this.disposables.add(Mono.never().timeout(Duration.ofSeconds(30 + i), scheduler).subscribe((value) -> {
			}, (error) -> {
			}));
		}
		this.disposables.add(Mono.delay(Duration.ofSeconds(10), scheduler).subscribe());
		TimeoutTaskSnapshot snapshot = this.source.snapshot(10, 2);
		assertThat(snapshot.pending()).isEqualTo(5);
		assertThat(snapshot.nearestPending()).hasSize(2);
		assertThat(snapshot.nearestPending().get(0).remaining()).isLessThanOrEqualTo(Duration.ofSeconds(10));
		assertThat(snapshot.nearestPending().get(0).origin()).contains("lingering-test");
		assertThat(snapshot.note()).contains("executor(s) captured");
		scheduler.dispose();
		await().until(() -> this.source.snapshot(10, 2).pending() == 0);
	}

	@Test
	void aSchedulerCreatedBeforeInstallIsNotSeen() {
		Scheduler early = Schedulers.newParallel("lingering-early", 1);
		this.disposables.add(early);
		ReactorSchedulerTaskSource.install();
		this.disposables.add(Mono.never().timeout(Duration.ofSeconds(30), early).subscribe((value) -> {
		}, (error) -> {
		}));
		assertThat(this.source.snapshot(10, 5).nearestPending())
			.noneSatisfy((task) -> assertThat(task.origin()).contains("lingering-early"));
	}

	@Test
	void installsAreCountedAndTheLastUninstallRemovesTheDecorator() {
		assertThat(ReactorSchedulerTaskSource.install()).isTrue();
		assertThat(ReactorSchedulerTaskSource.install()).isFalse();
		assertThat(ReactorSchedulerTaskSource.isInstalled()).isTrue();
		assertThat(ReactorSchedulerTaskSource.uninstall()).isFalse();
		assertThat(ReactorSchedulerTaskSource.isInstalled()).isTrue();
		assertThat(ReactorSchedulerTaskSource.uninstall()).isTrue();
		assertThat(ReactorSchedulerTaskSource.uninstall()).isFalse();
		assertThat(ReactorSchedulerTaskSource.isInstalled()).isFalse();
		Scheduler afterUninstall = Schedulers.newSingle("lingering-after-uninstall");
		this.disposables.add(afterUninstall);
		ReactorSchedulerTaskSource.install();
		this.disposables.add(Mono.never().timeout(Duration.ofSeconds(30), afterUninstall).subscribe((value) -> {
		}, (error) -> {
		}));
		assertThat(this.source.snapshot(10, 5).nearestPending())
			.noneSatisfy((task) -> assertThat(task.origin()).contains("lingering-after-uninstall"));
	}

	@Test
	void executorsCapturedBeforeTheLastUninstallAreSeenByTheNextInstall() {
		ReactorSchedulerTaskSource.install();
		Scheduler outlivesItsContext = Schedulers.newParallel("lingering-outlives", 1);
		this.disposables.add(outlivesItsContext);
		ReactorSchedulerTaskSource.uninstall();
		ReactorSchedulerTaskSource.install();
		this.disposables.add(Mono.never().timeout(Duration.ofSeconds(30), outlivesItsContext).subscribe((value) -> {
		}, (error) -> {
		}));
		assertThat(this.source.snapshot(10, 5).nearestPending())
			.anySatisfy((task) -> assertThat(task.origin()).contains("lingering-outlives"));
	}

}
