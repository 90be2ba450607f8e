package dev.cleanup.lingering;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Asks every {@link TimeoutTaskSource} what it holds and puts the answers together:
 * lingering tasks listed in full up to a bound, pending ones as counts per source with
 * the few nearest. Once the context is closing every task still queued lingers. A source
 * that fails is reported as such and never stops the others.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class TimeoutTaskCensus {

	/**
	 * The most lingering tasks listed by default.
	 */
	public static final int DEFAULT_LINGERING_LIMIT = 100;

	/**
	 * The most pending tasks listed per source by default.
	 */
	public static final int DEFAULT_NEAREST_LIMIT = 5;

	private static final Log logger = LogFactory.getLog(TimeoutTaskCensus.class);

	private final List<TimeoutTaskSource> sources = new CopyOnWriteArrayList<>();

	private final List<SourceListener> sourceListeners = new CopyOnWriteArrayList<>();

	private final BooleanSupplier contextClosing;

	private final int lingeringLimit;

	private final int nearestLimit;

	/**
	 * Create a census with the default limits.
	 * @param contextClosing whether the application context is closing
	 */
	public TimeoutTaskCensus(BooleanSupplier contextClosing) {
		this(contextClosing, DEFAULT_LINGERING_LIMIT, DEFAULT_NEAREST_LIMIT);
	}

	/**
	 * Create a census.
	 * @param contextClosing whether the application context is closing
	 * @param lingeringLimit the most lingering tasks listed
	 * @param nearestLimit the most pending tasks listed per source
	 */
	public TimeoutTaskCensus(BooleanSupplier contextClosing, int lingeringLimit, int nearestLimit) {
		if (lingeringLimit < 0 || nearestLimit < 0) {
			throw new IllegalArgumentException("Limits must not be negative");
		}
		this.contextClosing = contextClosing;
		this.lingeringLimit = lingeringLimit;
		this.nearestLimit = nearestLimit;
	}

	/**
	 * Add a source.
	 * @param source the source
	 */
	public void addSource(TimeoutTaskSource source) {
		this.sources.add(source);
		for (SourceListener listener : this.sourceListeners) {
			listener.added(source);
		}
	}

	/**
	 * Add a listener told of every source added, those already added included, and of
	 * every source removed, for example to keep a meter per source.
	 * @param listener the listener
	 */
	public void addSourceListener(SourceListener listener) {
		this.sourceListeners.add(listener);
		for (TimeoutTaskSource source : this.sources) {
			listener.added(source);
		}
	}

	/**
	 * Remove a source, for example once the timer it reads was stopped.
	 * @param source the source
	 * @return {@code true} if it was known
	 */
	public boolean removeSource(TimeoutTaskSource source) {
		boolean removed = this.sources.remove(source);
		if (removed) {
			for (SourceListener listener : this.sourceListeners) {
				try {
					listener.removed(source);
				}
				catch (RuntimeException ex) {
					logger.debug("Source listener failed for timeout task source " + source.name(), ex);
				}
			}
		}
		return removed;
	}

	/**
	 * Drop the sources whose timers or executors are gone.
	 */
	private void dropGoneSources() {
		for (TimeoutTaskSource source : this.sources) {
			boolean gone;
			try {
				gone = source.isGone();
			}
			catch (RuntimeException ex) {
				gone = false;
			}
			if (gone) {
				removeSource(source);
			}
		}
	}

	/**
	 * Return the sources, in the order they were added.
	 * @return the sources
	 */
	public List<TimeoutTaskSource> sources() {
		return List.copyOf(this.sources);
	}

	/**
	 * Ask every source what it holds now.
	 * @return the report
	 */
	public TimeoutTaskReport report() {
		dropGoneSources();
		boolean closing = isClosing();
		BoundedNearest lingering = new BoundedNearest(this.lingeringLimit);
		long lingeringCount = 0;
		List<TimeoutTaskReport.SourceCounts> counts = new ArrayList<>();
		for (TimeoutTaskSource source : this.sources) {
			// Once closing, pending tasks linger too, so list as many of them
			TimeoutTaskSnapshot snapshot = snapshot(source,
					closing ? Math.max(this.lingeringLimit, this.nearestLimit) : this.nearestLimit);
			if (!snapshot.isAvailable()) {
				counts.add(new TimeoutTaskReport.SourceCounts(snapshot.source(), snapshot.pending(),
						snapshot.lingering(), List.of(), snapshot.note()));
				continue;
			}
			List<TimeoutTask> listed = new ArrayList<>(snapshot.lingeringTasks());
			long sourceLingering = snapshot.lingering();
			long sourcePending = snapshot.pending();
			List<TimeoutTask> nearest = snapshot.nearestPending();
			if (!closing && nearest.size() > this.nearestLimit) {
				// a source that lists more than asked for is cut to the limit
				nearest = nearest.subList(0, this.nearestLimit);
			}
			if (closing) {
				for (TimeoutTask task : nearest) {
					listed.add(task.lingeringFor(TimeoutTask.CONTEXT_CLOSING));
				}
				sourceLingering += sourcePending;
				sourcePending = 0;
				nearest = List.of();
			}
			for (TimeoutTask task : listed) {
				lingering.offer(task.remaining().toNanos(), () -> task);
			}
			lingeringCount += sourceLingering;
			counts.add(new TimeoutTaskReport.SourceCounts(snapshot.source(), sourcePending, sourceLingering, nearest,
					snapshot.note()));
		}
		List<TimeoutTask> listedLingering = lingering.nearestFirst();
		return new TimeoutTaskReport(listedLingering, Math.max(0, lingeringCount - listedLingering.size()), counts);
	}

	/**
	 * Ask one source how many of its tasks linger now, counted as {@link #report()}
	 * counts them, without asking every other source: cheap enough for a gauge per
	 * source.
	 * @param source the source
	 * @return the number of lingering tasks, {@code 0} if the source cannot tell
	 */
	public long lingeringCount(TimeoutTaskSource source) {
		TimeoutTaskSnapshot snapshot = snapshot(source, 0);
		if (!snapshot.isAvailable()) {
			return 0;
		}
		long lingering = Math.max(0, snapshot.lingering());
		// Once closing, pending tasks linger too
		return isClosing() ? lingering + Math.max(0, snapshot.pending()) : lingering;
	}

	/**
	 * Remove the lingering tasks that are safe to remove: never a live call's timeout or
	 * a user's scheduled job.
	 * @return what was removed
	 */
	public RemovedTimeoutTasks removeLingering() {
		RemovedTimeoutTasks.Builder removed = RemovedTimeoutTasks.builder(this.lingeringLimit);
		for (TimeoutTaskSource source : this.sources) {
			try {
				removed.addAll(source.removeLingering(this.lingeringLimit));
			}
			catch (RuntimeException | LinkageError ex) {
				logger.warn("Removing lingering tasks of timeout task source '" + safeName(source) + "' failed", ex);
			}
		}
		return removed.build();
	}

	private boolean isClosing() {
		try {
			return this.contextClosing.getAsBoolean();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private TimeoutTaskSnapshot snapshot(TimeoutTaskSource source, int pendingLimit) {
		try {
			return source.snapshot(this.lingeringLimit, pendingLimit);
		}
		catch (RuntimeException | LinkageError ex) {
			logger.debug("Timeout task source '" + safeName(source) + "' failed", ex);
			return TimeoutTaskSnapshot.unavailable(safeName(source), "failed: " + describe(ex));
		}
	}

	static String describe(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + Descriptions.truncate(message) : "");
	}

	private static String safeName(TimeoutTaskSource source) {
		try {
			return source.name();
		}
		catch (RuntimeException ex) {
			return source.getClass().getName();
		}
	}

	/**
	 * Told of the census's sources as they come and go.
	 */
	public interface SourceListener {

		/**
		 * A source was added.
		 * @param source the source
		 */
		void added(TimeoutTaskSource source);

		/**
		 * A source was removed.
		 * @param source the source
		 */
		void removed(TimeoutTaskSource source);

	}

}
