package dev.cleanup.lingering;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Timeout tasks across all sources: lingering ones listed (bounded, with a count of those
 * left out) and pending ones as counts per source with the few nearest.
 *
 * @param lingering lingering tasks, the most overdue first
 * @param lingeringLeftOut how many lingering tasks are counted but not listed
 * @param sources counts per source
 * @author cleanup contributors
 * @since 0.1.0
 */
public record TimeoutTaskReport(List<TimeoutTask> lingering, long lingeringLeftOut, List<SourceCounts> sources) {

	public TimeoutTaskReport {
		lingering = List.copyOf(lingering);
		sources = List.copyOf(sources);
	}

	/**
	 * Return how many tasks linger across all sources that could tell.
	 * @return the number of lingering tasks
	 */
	public long lingeringCount() {
		return this.lingering.size() + this.lingeringLeftOut;
	}

	/**
	 * Return the counts of one source, if there is one of that name.
	 * @param source the name of the source
	 * @return the counts or {@code null}
	 */
	public @Nullable SourceCounts source(String source) {
		for (SourceCounts counts : this.sources) {
			if (counts.source().equals(source)) {
				return counts;
			}
		}
		return null;
	}

	/**
	 * The timeout tasks of one source.
	 *
	 * @param source the name of the source
	 * @param pending how many tasks are pending, {@code -1} if unknown
	 * @param lingering how many tasks linger, {@code -1} if unknown
	 * @param nearest the pending tasks due soonest, nearest first
	 * @param note what limits this view (counts only, not available, failed), or
	 * {@code null}
	 */
	public record SourceCounts(String source, long pending, long lingering, List<TimeoutTask> nearest,
			@Nullable String note) {

		public SourceCounts {
			nearest = List.copyOf(nearest);
		}

	}

}
