package dev.cleanup.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.cleanup.core.Participant;
import dev.cleanup.core.Teardown;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.lingering.LingeringCensus;
import dev.cleanup.lingering.RemovedTimeoutTasks;
import dev.cleanup.lingering.TimeoutTask;
import dev.cleanup.lingering.TimeoutTaskReport;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * What is still pending besides in-flight calls, as the endpoint and the meters show it:
 * timeout tasks, pending and lingering, and client threads alive after their pool closed.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public class PendingWork {

	private final LingeringCensus lingering;

	/**
	 * Create a view of the pending work.
	 * @param lingering the censuses of timeout tasks and client threads, created when the
	 * endpoint is first read
	 */
	public PendingWork(LingeringCensus lingering) {
		this.lingering = lingering;
	}

	/**
	 * Return what is pending now.
	 * @return the snapshot
	 */
	public Snapshot snapshot() {
		TimeoutTaskReport report = this.lingering.tasks().report();
		List<LingeringTaskDescriptor> lingering = report.lingering().stream().map(LingeringTaskDescriptor::of).toList();
		long total = 0;
		List<PendingSourceDescriptor> sources = new ArrayList<>();
		for (TimeoutTaskReport.SourceCounts counts : report.sources()) {
			total += Math.max(0, counts.pending());
			sources.add(new PendingSourceDescriptor(counts.source(), known(counts.pending()), known(counts.lingering()),
					counts.nearest().stream().map(NearestTaskDescriptor::of).toList(), counts.note()));
		}
		ClientThreadCensus.LeakedThreads leaked = this.lingering.threads().leakedThreads();
		List<LeakedThreadDescriptor> leakedThreads = leaked.threads()
			.stream()
			.map((thread) -> new LeakedThreadDescriptor(thread.name(), thread.daemon(), thread.state().name(),
					thread.ownerHint()))
			.toList();
		return new Snapshot(lingering, (int) Math.min(Integer.MAX_VALUE, report.lingeringLeftOut()),
				new PendingTimeoutsDescriptor(total, sources), leakedThreads, leaked.leftOut());
	}

	/**
	 * Remove lingering timeout tasks and close idle connections. Never touches a live
	 * call's timeout or a user's scheduled job.
	 * @param participants the participants whose idle connections to close
	 * @return what was done
	 */
	public CleanupActionDescriptor cleanupNow(List<Participant> participants) {
		RemovedTimeoutTasks removed = this.lingering.tasks().removeLingering();
		Map<String, Integer> evicted = new LinkedHashMap<>();
		int evictedTotal = 0;
		for (Participant participant : participants) {
			Teardown teardown = participant.teardown();
			if (teardown == null || participant.isClosing()) {
				continue;
			}
			try {
				int count = teardown.evictIdleConnections();
				if (count > 0) {
					evicted.put(participant.name(), count);
					evictedTotal += count;
				}
			}
			catch (RuntimeException ex) {
				// one broken pool must not stop the cleanup of the others
			}
		}
		return new CleanupActionDescriptor(removed.count(),
				removed.tasks().stream().map(LingeringTaskDescriptor::of).toList(), evictedTotal, evicted);
	}

	private static @Nullable Long known(long figure) {
		return (figure >= 0) ? figure : null;
	}

	/**
	 * What is pending now.
	 *
	 * @param lingeringTasks the lingering tasks listed
	 * @param lingeringTasksLeftOut lingering tasks not listed
	 * @param pendingTimeouts counts per source
	 * @param leakedThreads client threads alive after their pool closed
	 * @param leakedThreadsLeftOut leaked threads not listed
	 */
	public record Snapshot(List<LingeringTaskDescriptor> lingeringTasks, int lingeringTasksLeftOut,
			PendingTimeoutsDescriptor pendingTimeouts, List<LeakedThreadDescriptor> leakedThreads,
			int leakedThreadsLeftOut) {
	}

	/**
	 * A timeout task that outlived its purpose.
	 *
	 * @param source where it is queued
	 * @param description what it is
	 * @param reason why it lingers
	 * @param remainingMs time left before it fires (negative once overdue)
	 * @param origin who scheduled it, where known
	 */
	public record LingeringTaskDescriptor(String source, String description, @Nullable String reason, long remainingMs,
			@Nullable String origin) {

		static LingeringTaskDescriptor of(TimeoutTask task) {
			return new LingeringTaskDescriptor(task.source(), task.description(), task.reason(),
					task.remaining().toMillis(), task.origin());
		}

	}

	/**
	 * Pending timeout tasks.
	 *
	 * @param total pending tasks over every source that can count them
	 * @param sources counts per source
	 */
	public record PendingTimeoutsDescriptor(long total, List<PendingSourceDescriptor> sources) {
	}

	/**
	 * The timeout tasks of one source.
	 *
	 * @param source the source
	 * @param pending pending tasks, {@code null} if it cannot count them
	 * @param lingering lingering tasks, {@code null} if it cannot count them
	 * @param nearest the pending tasks due soonest
	 * @param note what limits this source's view, if anything
	 */
	public record PendingSourceDescriptor(String source, @Nullable Long pending, @Nullable Long lingering,
			List<NearestTaskDescriptor> nearest, @Nullable String note) {
	}

	/**
	 * A pending task due soon.
	 *
	 * @param description what it is
	 * @param remainingMs time left before it fires
	 * @param origin who scheduled it, where known
	 */
	public record NearestTaskDescriptor(String description, long remainingMs, @Nullable String origin) {

		static NearestTaskDescriptor of(TimeoutTask task) {
			return new NearestTaskDescriptor(task.description(), task.remaining().toMillis(), task.origin());
		}

	}

	/**
	 * A client thread alive after its pool closed.
	 *
	 * @param name the thread name
	 * @param daemon whether it is a daemon (a non-daemon keeps the JVM alive)
	 * @param state its state
	 * @param owner a hint of its owner
	 */
	public record LeakedThreadDescriptor(String name, boolean daemon, String state, String owner) {
	}

	/**
	 * What the emergency cleanup did.
	 *
	 * @param lingeringTasksRemoved how many lingering tasks were removed
	 * @param removed the removed tasks, as many as listed
	 * @param idleConnectionsEvicted how many idle connections were closed
	 * @param evictedByParticipant idle connections closed per participant
	 */
	public record CleanupActionDescriptor(long lingeringTasksRemoved, List<LingeringTaskDescriptor> removed,
			int idleConnectionsEvicted, Map<String, Integer> evictedByParticipant) implements OperationResponseBody {
	}

}
