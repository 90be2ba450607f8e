package dev.cleanup.lingering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;

/**
 * Keeps the entries due soonest out of any number offered, at most a given number of
 * them; an entry is only described once it is known to be kept.
 *
 * @author cleanup contributors
 */
final class BoundedNearest {

	private final int limit;

	private final PriorityQueue<Entry> latestFirst = new PriorityQueue<>(
			Comparator.comparingLong(Entry::remainingNanos).reversed());

	BoundedNearest(int limit) {
		this.limit = Math.max(0, limit);
	}

	void offer(long remainingNanos, Supplier<TimeoutTask> task) {
		if (this.limit == 0) {
			return;
		}
		if (this.latestFirst.size() < this.limit) {
			this.latestFirst.add(new Entry(remainingNanos, task));
			return;
		}
		Entry latest = this.latestFirst.peek();
		if (latest != null && remainingNanos < latest.remainingNanos()) {
			this.latestFirst.poll();
			this.latestFirst.add(new Entry(remainingNanos, task));
		}
	}

	List<TimeoutTask> nearestFirst() {
		List<Entry> entries = new ArrayList<>(this.latestFirst);
		entries.sort(Comparator.comparingLong(Entry::remainingNanos));
		List<TimeoutTask> tasks = new ArrayList<>(entries.size());
		for (Entry entry : entries) {
			tasks.add(entry.task().get());
		}
		return tasks;
	}

	private record Entry(long remainingNanos, Supplier<TimeoutTask> task) {
	}

}
