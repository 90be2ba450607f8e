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
		System.out.println("pending with 10 timeouts=" + source.snapshot(10, 5).pending());
		futures.forEach((future) -> future.complete("done"));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		long pending = source.snapshot(10, 5).pending();
		while (pending != 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
			pending = source.snapshot(10, 5).pending();
		}
		System.out.println("pending once completed=" + pending);
	}

}
