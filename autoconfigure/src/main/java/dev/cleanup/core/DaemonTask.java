package dev.cleanup.core;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A task on a daemon thread of its own, which can be interrupted and then abandoned. A
 * plain thread per task starts about twice as fast as a cached thread pool hands out
 * workers, which counts when a stage closes a thousand participants at once.
 *
 * @param <T> the result type
 * @author cleanup contributors
 */
final class DaemonTask<T> {

	private final CompletableFuture<T> result = new CompletableFuture<>();

	private final Thread thread;

	private DaemonTask(String name, Callable<T> work) {
		this.thread = new Thread(() -> {
			try {
				this.result.complete(work.call());
			}
			catch (Throwable ex) {
				this.result.completeExceptionally(ex);
			}
		}, name);
		this.thread.setDaemon(true);
	}

	/**
	 * Start a task.
	 * @param <T> the result type
	 * @param name the thread name
	 * @param work the work
	 * @return the started task
	 */
	static <T> DaemonTask<T> start(String name, Callable<T> work) {
		DaemonTask<T> task = new DaemonTask<>(name, work);
		task.thread.start();
		return task;
	}

	/**
	 * Wait for the result.
	 * @param timeoutNanos how long to wait
	 * @return the result
	 * @throws TimeoutException if the task did not finish in time
	 * @throws ExecutionException if the task threw
	 * @throws InterruptedException if interrupted while waiting
	 */
	T get(long timeoutNanos) throws TimeoutException, ExecutionException, InterruptedException {
		return this.result.get(timeoutNanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Interrupt the task's thread; a task that ignores it is abandoned, its thread being
	 * a daemon.
	 */
	void interrupt() {
		if (!this.result.isDone()) {
			this.thread.interrupt();
		}
	}

}
