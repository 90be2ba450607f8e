package dev.cleanup.lingering;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.tracking.InFlightCalls;
import org.jspecify.annotations.Nullable;

/**
 * The two censuses of what may linger, each created when something first asks for it: the
 * timeout tasks when a timer is found, the meters are bound, the endpoint is read or the
 * report is written; the client threads when a pool has closed or the endpoint or the
 * report lists them. An application that never asks builds neither.
 * <p>
 * As a listener of the coordinator's close results, it counts the threads of a pool that
 * closed and are still alive as leaked; it tells its census of timeout tasks whether the
 * context is closing (then pending tasks linger too).
 *
 * @author cleanup contributors
 */
public final class LingeringCensus implements Consumer<CloseResult>, BooleanSupplier {

	private final @Nullable ShutdownCoordinator coordinator;

	private final @Nullable InFlightCalls calls;

	private final boolean reactorSchedulers;

	private volatile @Nullable TimeoutTaskCensus tasks;

	private volatile @Nullable ClientThreadCensus threads;

	/**
	 * Create the holder of an application's censuses.
	 * @param coordinator the coordinator, whose shutdown the timeout task census watches
	 * and whose participants' threads the thread census checks once they closed
	 * @param calls the tracked calls, whose deadlines count as timeout tasks
	 * @param reactorSchedulers whether to count the tasks of Reactor's schedulers (where
	 * the starter installed its decorator)
	 */
	public LingeringCensus(ShutdownCoordinator coordinator, InFlightCalls calls, boolean reactorSchedulers) {
		this.coordinator = coordinator;
		this.calls = calls;
		this.reactorSchedulers = reactorSchedulers;
	}

	/**
	 * Create the holder of a census of timeout tasks made already, with no standing
	 * sources of its own.
	 * @param tasks the census of timeout tasks
	 */
	public LingeringCensus(TimeoutTaskCensus tasks) {
		this.coordinator = null;
		this.calls = null;
		this.reactorSchedulers = false;
		this.tasks = tasks;
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
			tasks = this.tasks;
			if (tasks == null) {
				tasks = newTaskCensus();
				this.tasks = tasks;
			}
			return tasks;
		}
	}

	private TimeoutTaskCensus newTaskCensus() {
		ShutdownCoordinator coordinator = this.coordinator;
		InFlightCalls calls = this.calls;
		if (coordinator == null || calls == null) {
			throw new IllegalStateException("The census of timeout tasks was given, and is set");
		}
		TimeoutTaskCensus census = new TimeoutTaskCensus(this);
		census.addSource(new OverdueCallTaskSource(calls));
		census.addSource(new CommonPoolDelayedTaskSource());
		// counts Mono.timeout and friends where the capture installed its decorator
		if (this.reactorSchedulers && ReactorSchedulerTaskSource.isInstalled()) {
			census.addSource(new ReactorSchedulerTaskSource());
		}
		return census;
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

	/**
	 * Whether the context is closing.
	 * @return {@code true} once the coordinator's shutdown started
	 */
	@Override
	public boolean getAsBoolean() {
		ShutdownCoordinator coordinator = this.coordinator;
		return coordinator != null && coordinator.isShuttingDown();
	}

	/**
	 * Once a pool closed, count its own threads still alive as leaked.
	 * @param result the result of a participant's close
	 */
	@Override
	public void accept(CloseResult result) {
		ShutdownCoordinator coordinator = this.coordinator;
		Participant participant = (coordinator != null) ? coordinator.registry().find(result.name()) : null;
		Predicate<Thread> threads = (participant != null) ? participant.threads() : null;
		if (threads != null && (result.outcome() == Outcome.GRACEFUL || result.outcome() == Outcome.FORCED)) {
			threads().poolClosed(result.name(), threads);
		}
	}

}
