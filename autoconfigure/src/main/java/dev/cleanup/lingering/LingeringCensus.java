package dev.cleanup.lingering;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The two censuses of what may linger, each created when something first asks for it: the
 * timeout tasks when a timer is found, the meters are bound, the endpoint is read or the
 * report is written; the client threads when a pool has closed or the endpoint or the
 * report lists them. An application that never asks builds neither.
 *
 * @author cleanup contributors
 */
public final class LingeringCensus {

	private final Supplier<TimeoutTaskCensus> taskCensusFactory;

	private volatile @Nullable TimeoutTaskCensus tasks;

	private volatile @Nullable ClientThreadCensus threads;

	/**
	 * Create the holder.
	 * @param taskCensusFactory creates the timeout task census with its standing sources
	 */
	public LingeringCensus(Supplier<TimeoutTaskCensus> taskCensusFactory) {
		this.taskCensusFactory = taskCensusFactory;
	}

	/**
	 * Return the census of timeout tasks, created on the first call.
	 * @return the census
	 */
	public TimeoutTaskCensus tasks() {
		TimeoutTaskCensus tasks = this.tasks;
		if (tasks != null) {
			return tasks;
		}
		synchronized (this) {
			if (this.tasks == null) {
				this.tasks = this.taskCensusFactory.get();
			}
			return this.tasks;
		}
	}

	/**
	 * Return the census of client threads, created on the first call.
	 * @return the census
	 */
	public ClientThreadCensus threads() {
		ClientThreadCensus threads = this.threads;
		if (threads != null) {
			return threads;
		}
		synchronized (this) {
			if (this.threads == null) {
				this.threads = new ClientThreadCensus();
			}
			return this.threads;
		}
	}

}
