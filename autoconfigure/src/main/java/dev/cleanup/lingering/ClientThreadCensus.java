package dev.cleanup.lingering;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Client threads still alive after their pool was closed, for example a Jetty client's
 * {@code HttpClient@1a2b3c-42} after a DevTools restart. Closed pools are told by name
 * prefix or predicate; the census keeps at most {@link #MAX_CLOSED_POOLS} of them, the
 * oldest dropped first, and lists at most its limit of threads.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ClientThreadCensus {

	/**
	 * The most threads listed by default.
	 */
	public static final int DEFAULT_LIMIT = 100;

	/**
	 * The most closed pools remembered.
	 */
	public static final int MAX_CLOSED_POOLS = 256;

	private final int limit;

	private final Deque<ClosedPool> closedPools = new ArrayDeque<>();

	/**
	 * Create a census that lists at most {@link #DEFAULT_LIMIT} threads.
	 */
	public ClientThreadCensus() {
		this(DEFAULT_LIMIT);
	}

	/**
	 * Create a census.
	 * @param limit the most threads listed
	 */
	public ClientThreadCensus(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("Limit must not be negative");
		}
		this.limit = limit;
	}

	/**
	 * Record that a pool was closed whose threads' names start with the given prefix,
	 * such as {@code "HttpClient@1a2b3c"} (Jetty), {@code "HttpClient-7-"} (JDK) or
	 * {@code "reactor-http-nio"} (Reactor Netty).
	 * @param owner who owned the pool, shown with each thread
	 * @param threadNamePrefix the prefix of its threads' names
	 */
	public void poolClosed(String owner, String threadNamePrefix) {
		if (threadNamePrefix.isEmpty()) {
			throw new IllegalArgumentException("Thread name prefix must not be empty");
		}
		add(new ClosedPool(owner, threadNamePrefix, (thread) -> thread.getName().startsWith(threadNamePrefix)));
	}

	/**
	 * Record that a pool was closed whose threads match the given predicate.
	 * @param owner who owned the pool, shown with each thread
	 * @param threads matches the pool's threads
	 */
	public void poolClosed(String owner, Predicate<? super Thread> threads) {
		add(new ClosedPool(owner, null, threads));
	}

	private void add(ClosedPool pool) {
		synchronized (this.closedPools) {
			if (pool.prefix() != null) {
				this.closedPools
					.removeIf((known) -> pool.owner().equals(known.owner()) && pool.prefix().equals(known.prefix()));
			}
			this.closedPools.addLast(pool);
			while (this.closedPools.size() > MAX_CLOSED_POOLS) {
				this.closedPools.removeFirst();
			}
		}
	}

	/**
	 * Return the live threads that belong to a pool that was closed.
	 * @return the threads, at most as many as the limit, with a count of those left out
	 */
	public LeakedThreads leakedThreads() {
		List<ClosedPool> pools;
		synchronized (this.closedPools) {
			pools = new ArrayList<>(this.closedPools);
		}
		List<LeakedThread> threads = new ArrayList<>();
		int leftOut = 0;
		if (pools.isEmpty()) {
			return new LeakedThreads(threads, leftOut);
		}
		for (Thread thread : LiveThreads.all()) {
			ClosedPool pool = match(pools, thread);
			if (pool == null) {
				continue;
			}
			if (threads.size() < this.limit) {
				threads.add(new LeakedThread(thread.getName(), thread.isDaemon(), thread.getState(),
						pool.owner() + " (" + LiveThreads.ownerHint(thread.getName()) + ")"));
			}
			else {
				leftOut++;
			}
		}
		return new LeakedThreads(threads, leftOut);
	}

	private static @Nullable ClosedPool match(List<ClosedPool> pools, Thread thread) {
		for (ClosedPool pool : pools) {
			try {
				if (thread.isAlive() && pool.threads().test(thread)) {
					return pool;
				}
			}
			catch (RuntimeException ex) {
				// a failing predicate matches nothing
			}
		}
		return null;
	}

	/**
	 * A live thread of a pool that was closed.
	 *
	 * @param name the thread's name
	 * @param daemon whether it is a daemon thread (a non-daemon one keeps the JVM alive)
	 * @param state its state
	 * @param ownerHint who owned its pool, with a hint from its name
	 */
	public record LeakedThread(String name, boolean daemon, Thread.State state, String ownerHint) {
	}

	/**
	 * Live threads of closed pools.
	 *
	 * @param threads the threads, at most as many as the limit
	 * @param leftOut how many more were found but not listed
	 */
	public record LeakedThreads(List<LeakedThread> threads, int leftOut) {

		public LeakedThreads {
			threads = List.copyOf(threads);
		}

	}

	private record ClosedPool(String owner, @Nullable String prefix, Predicate<? super Thread> threads) {
	}

}
