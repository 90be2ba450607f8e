package dev.cleanup.lingering;

import java.net.URI;
import java.time.Duration;

import dev.cleanup.tracking.InFlightCall;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link OverdueCallTaskSource}.
 *
 * @author cleanup contributors
 */
class OverdueCallTaskSourceTests {

	private final InFlightCalls calls = new InFlightCalls();

	private final TrackedClient client = this.calls.namedClient("payments");

	private final OverdueCallTaskSource source = new OverdueCallTaskSource(this.calls);

	@Test
	void aCallWhoseDeadlinePassedWhileItRunsLingersAndOneStillInTimeIsPending() {
		InFlightCall overdue = this.calls.start(this.client, "GET",
				URI.create("http://127.0.0.1:8080/slow?token=secret"), Duration.ofMillis(200));
		InFlightCall inTime = this.calls.start(this.client, "POST", URI.create("http://127.0.0.1:8080/pay"),
				Duration.ofSeconds(30));
		this.calls.start(this.client, "GET", URI.create("http://127.0.0.1:8080/no-deadline"));
		await().until(() -> this.source.snapshot(10, 5).lingering() == 1);
		TimeoutTaskSnapshot snapshot = this.source.snapshot(10, 5);
		assertThat(snapshot.lingeringTasks()).singleElement().satisfies((task) -> {
			assertThat(task.source()).isEqualTo(OverdueCallTaskSource.NAME);
			assertThat(task.reason()).isEqualTo("deadline passed while its call still runs");
			assertThat(task.remaining()).isNegative();
			assertThat(task.description()).startsWith("GET http://127.0.0.1:8080/slow?token=******")
				.contains("by client 'payments'")
				.doesNotContain("secret");
			assertThat(task.origin()).isEqualTo("thread " + Thread.currentThread().getName());
		});
		assertThat(snapshot.pending()).as("calls without a deadline are not counted").isOne();
		assertThat(snapshot.nearestPending()).singleElement()
			.satisfies((task) -> assertThat(task.description()).startsWith("POST http://127.0.0.1:8080/pay"));
		assertThat(this.source.removeLingering(10)).isEqualTo(RemovedTimeoutTasks.NONE);
		assertThat(this.calls.inFlightCount()).isEqualTo(3);
		this.calls.end(overdue, null);
		this.calls.end(inTime, null);
		snapshot = this.source.snapshot(10, 5);
		assertThat(snapshot.pending()).isZero();
		assertThat(snapshot.lingering()).isZero();
	}

}
