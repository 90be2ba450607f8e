package dev.cleanup.lingering;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Timeout tasks on Reactor's schedulers: each subscribed {@code Mono.timeout},
 * {@code Mono.delay} or {@code Flux.interval} is one entry in the queue of a
 * {@link ScheduledThreadPoolExecutor} behind {@code Schedulers.parallel()},
 * {@code single()}, {@code boundedElastic()} or a scheduler made with
 * {@code Schedulers.newXxx}. The executors are captured with an executor service
 * decorator ({@link Schedulers#setExecutorServiceDecorator}) that returns each executor
 * unchanged; they are held weakly and dropped once terminated.
 * <p>
 * A decorator only sees executors created after it was added, so {@link #install()} must
 * run before Reactor's schedulers are first used: the starter installs it from a bean
 * factory post-processor, once its conditions passed and before any singleton is created,
 * and removes it when the last context that installed it closes. Schedulers created while
 * it was not installed stay invisible until they are disposed and created again.
 * <p>
 * Reactor sets the remove-on-cancel policy on its executors, so a disposed subscription's
 * timeout leaves the queue at once; what a queue holds is pending, unless a decorator of
 * someone else's turned that policy off (then cancelled entries linger and can be
 * removed) or the executor was shut down.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ReactorSchedulerTaskSource implements TimeoutTaskSource {

	/**
	 * The name of this source.
	 */
	public static final String NAME = "reactor-schedulers";

	/**
	 * The most executors held at once; further ones are only counted.
	 */
	static final int MAX_EXECUTORS = 1024;

	static final String DECORATOR_KEY = ReactorSchedulerTaskSource.class.getName();

	private static final Object lock = new Object();

	/** Executors by identity, held weakly, with a description of their scheduler. */
	private static final Map<ScheduledThreadPoolExecutor, String> executors = new WeakHashMap<>();

	private static final AtomicLong uncaptured = new AtomicLong();

	private static boolean installed;

	/** How many applications use the decorator now. */
	private static int users;

	/**
	 * Start capturing the executors of Reactor schedulers created from now on, for one
	 * more user (an application context): the decorator is installed by the first and
	 * stays until the last calls {@link #uninstall()}.
	 * @return {@code true} if this call installed the decorator
	 */
	public static boolean install() {
		synchronized (lock) {
			users++;
			if (installed) {
				return false;
			}
			// set, not add: replaces a decorator left under the same key by an earlier
			// copy
			Schedulers.setExecutorServiceDecorator(DECORATOR_KEY, ReactorSchedulerTaskSource::capture);
			installed = true;
			return true;
		}
	}

	/**
	 * Say that one user no longer needs the decorator: the last one removes it. The
	 * executors captured so far are kept, weakly: a cached scheduler such as
	 * {@code Schedulers.parallel()} outlives a context (a DevTools restart, a test
	 * suite's contexts), and the next context that installs the decorator must still see
	 * it.
	 * @return {@code true} if this call removed the decorator
	 */
	public static boolean uninstall() {
		synchronized (lock) {
			if (users == 0) {
				return false;
			}
			users--;
			if (users > 0) {
				return false;
			}
			Schedulers.removeExecutorServiceDecorator(DECORATOR_KEY);
			installed = false;
			return true;
		}
	}

	/**
	 * Return how many users have the decorator installed now.
	 * @return the number of users
	 */
	static int users() {
		synchronized (lock) {
			return users;
		}
	}

	/**
	 * Remove the decorator whoever uses it and forget every executor: for tests only.
	 */
	static void reset() {
		synchronized (lock) {
			Schedulers.removeExecutorServiceDecorator(DECORATOR_KEY);
			installed = false;
			users = 0;
			executors.clear();
			uncaptured.set(0);
		}
	}

	/**
	 * Whether the decorator is installed.
	 * @return {@code true} if executors are being captured
	 */
	public static boolean isInstalled() {
		synchronized (lock) {
			return installed;
		}
	}

	private static ScheduledExecutorService capture(Scheduler scheduler, ScheduledExecutorService executor) {
		try {
			if (executor instanceof ScheduledThreadPoolExecutor threadPool) {
				String origin = Descriptions.of(scheduler);
				synchronized (lock) {
					dropTerminated();
					if (executors.size() < MAX_EXECUTORS) {
						executors.put(threadPool, origin);
						return executor;
					}
				}
			}
			uncaptured.incrementAndGet();
		}
		catch (RuntimeException ex) {
			uncaptured.incrementAndGet();
		}
		return executor;
	}

	private static void dropTerminated() {
		executors.keySet().removeIf(ScheduledThreadPoolExecutor::isTerminated);
	}

	private static List<Map.Entry<ScheduledThreadPoolExecutor, String>> captured() {
		synchronized (lock) {
			dropTerminated();
			return new ArrayList<>(Map.copyOf(executors).entrySet());
		}
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public TimeoutTaskSnapshot snapshot(int lingeringLimit, int pendingLimit) {
		if (!isInstalled()) {
			return TimeoutTaskSnapshot.unavailable(NAME, "not installed: ReactorSchedulerTaskSource.install()"
					+ " must run before Reactor's schedulers are created");
		}
		try {
			List<Map.Entry<ScheduledThreadPoolExecutor, String>> captured = captured();
			TimeoutTaskSnapshot.Builder builder = TimeoutTaskSnapshot.builder(NAME, lingeringLimit, pendingLimit);
			for (Map.Entry<ScheduledThreadPoolExecutor, String> entry : captured) {
				ScheduledQueues.scan(entry.getKey(), NAME, entry.getValue(), builder);
			}
			long missed = uncaptured.get();
			String note = captured.size() + " executor(s) captured" + ((missed > 0)
					? ", " + missed + " not captured (not a ScheduledThreadPoolExecutor or over " + MAX_EXECUTORS + ")"
					: "");
			return builder.note(note).build();
		}
		catch (RuntimeException ex) {
			return TimeoutTaskSnapshot.unavailable(NAME, "failed: " + TimeoutTaskCensus.describe(ex));
		}
	}

	@Override
	public RemovedTimeoutTasks removeLingering(int limit) {
		RemovedTimeoutTasks.Builder removed = RemovedTimeoutTasks.builder(limit);
		try {
			for (Map.Entry<ScheduledThreadPoolExecutor, String> entry : captured()) {
				ScheduledQueues.removeCancelled(entry.getKey(), NAME, entry.getValue(), removed);
			}
		}
		catch (RuntimeException ex) {
			// what was removed before the failure is still reported
		}
		return removed.build();
	}

}
