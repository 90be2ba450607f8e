package dev.cleanup.lingering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link HashedWheelTimerTaskSource}, with a real Netty timer.
 *
 * @author cleanup contributors
 */
class HashedWheelTimerTaskSourceTests {

	private final HashedWheelTimer timer = new HashedWheelTimer(10, TimeUnit.MILLISECONDS);

	private final AtomicBoolean ownerClosed = new AtomicBoolean();

	private final HashedWheelTimerTaskSource source = new HashedWheelTimerTaskSource("netty-timer", this.timer,
			this.ownerClosed::get);

	@AfterEach
	void stop() {
		this.timer.stop();
	}

	@Test
	void timeoutsArePendingWhileTheOwnerRunsAndLingerOnceItIsClosed() {
		List<Timeout> timeouts = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			timeouts.add(this.timer.newTimeout((timeout) -> {
			}, 30, TimeUnit.SECONDS));
		}
		TimeoutTaskSnapshot snapshot = this.source.snapshot(10, 5);
		assertThat(snapshot.pending()).isEqualTo(6);
		assertThat(snapshot.lingering()).isZero();
		assertThat(snapshot.nearestPending()).isEmpty();
		assertThat(snapshot.note()).startsWith("counts only");
		timeouts.get(0).cancel();
		// the worker purges cancelled timeouts on its next tick
		await().until(() -> this.source.snapshot(10, 5).pending() == 5);
		this.ownerClosed.set(true);
		snapshot = this.source.snapshot(10, 5);
		assertThat(snapshot.pending()).isZero();
		assertThat(snapshot.lingering()).isEqualTo(5);
		assertThat(snapshot.lingeringLeftOut()).isEqualTo(5);
		assertThat(snapshot.note()).contains(TimeoutTask.OWNER_CLOSED);
		assertThat(this.source.removeLingering(10)).isEqualTo(RemovedTimeoutTasks.NONE);
	}

	@Test
	void stopCancelsTheTimeoutsButNettyKeepsTheLastCount() {
		for (int i = 0; i < 3; i++) {
			this.timer.newTimeout((timeout) -> {
			}, 30, TimeUnit.SECONDS);
		}
		assertThat(this.timer.stop()).hasSize(3);
		// why the source's owner must remove it from its census after stop()
		assertThat(this.source.snapshot(10, 5).pending()).isEqualTo(3);
	}

}
