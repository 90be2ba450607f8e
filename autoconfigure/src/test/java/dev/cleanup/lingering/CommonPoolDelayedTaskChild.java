package dev.cleanup.lingering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Main class of a child JVM for {@link CommonPoolDelayedTaskSourceTests}: schedules
 * {@code CompletableFuture} timeouts and prints what the source counts.
 *
 * @author cleanup contributors
 */
public final class CommonPoolDelayedTaskChild {

	private CommonPoolDelayedTaskChild() {
	}

	public static void main(String[] args) throws Exception {
		CommonPoolDelayedTaskSource source = new CommonPoolDelayedTaskSource();
		System.out.println("available=" + CommonPoolDelayedTaskSource.isAvailable());
		List<CompletableFuture<Object>> futures = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			futures.add(new CompletableFuture<>().orTimeout(30, TimeUnit.SECONDS));
		}
		// the count is an estimate: the pool's delay scheduler takes new timeouts in on
		// its
		// own thread, later on a busy machine
		System.out.println("pending with 10 timeouts=" + awaitPending(source, 10));
		futures.forEach((future) -> future.complete("done"));
		long pending = awaitPending(source, 0);
		System.out.println("pending once completed=" + pending);
	}

	private static long awaitPending(CommonPoolDelayedTaskSource source, long expected) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		long pending = source.snapshot(10, 5).pending();
		while (pending != expected && System.nanoTime() < deadline) {
			Thread.sleep(50);
			pending = source.snapshot(10, 5).pending();
		}
		return pending;
	}

}
