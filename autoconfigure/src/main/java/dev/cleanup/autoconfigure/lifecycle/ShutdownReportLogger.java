package dev.cleanup.autoconfigure.lifecycle;

import java.time.Duration;
import java.util.List;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.ShutdownReport.CutCall;
import dev.cleanup.core.Deadline;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.lingering.LingeringCensus;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.lingering.TimeoutTask;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.lingering.TimeoutTaskReport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Finishes the shutdown and logs its report: one INFO block, then a WARN line for every
 * participant not closed gracefully, every cut call and what was left behind. The report
 * sweeps the timeout tasks still queued (once shutdown started, every one lingers) and
 * lists client threads still alive after their pool closed, giving threads that are
 * stopping a moment to end first.
 *
 * @author cleanup contributors
 */
public final class ShutdownReportLogger implements Runnable {

	/**
	 * The most lingering tasks and leaked threads listed in the report.
	 */
	static final int LISTED = 20;

	/**
	 * How long threads of closed pools may take to end before they count as leaked.
	 */
	static final Duration SETTLE = Duration.ofMillis(500);

	private static final Log logger = LogFactory.getLog("dev.cleanup.ShutdownReport");

	private final ShutdownCoordinator coordinator;

	private final LingeringCensus lingering;

	public ShutdownReportLogger(ShutdownCoordinator coordinator, LingeringCensus lingering) {
		this.coordinator = coordinator;
		this.lingering = lingering;
	}

	@Override
	public void run() {
		ShutdownReport report = this.coordinator.finish(this::leftovers);
		if (logger.isInfoEnabled()) {
			logger.info(report.format());
		}
		for (CloseResult warning : report.warnings()) {
			logger.warn(ShutdownReport.warningLine(warning));
		}
		for (CutCall call : report.cutCalls()) {
			logger.warn("Outbound call cut by shutdown: " + call.describe());
		}
		ShutdownReport.Leftovers left = report.leftovers();
		if (!left.leakedThreads().isEmpty() || left.leakedThreadsLeftOut() > 0) {
			logger.warn((left.leakedThreads().size() + left.leakedThreadsLeftOut())
					+ " client thread(s) still alive after their pool closed: " + left.leakedThreads());
		}
	}

	private ShutdownReport.Leftovers leftovers() {
		TimeoutTaskReport tasks = this.lingering.tasks().report();
		List<String> listed = tasks.lingering().stream().limit(LISTED).map(ShutdownReportLogger::describe).toList();
		ClientThreadCensus.LeakedThreads leaked = settledLeakedThreads();
		List<String> threads = leaked.threads()
			.stream()
			.limit(LISTED)
			.map((thread) -> thread.name() + " (" + (thread.daemon() ? "daemon" : "non-daemon") + ", " + thread.state()
					+ ") of " + thread.ownerHint())
			.toList();
		int threadsLeftOut = leaked.leftOut() + (leaked.threads().size() - threads.size());
		return new ShutdownReport.Leftovers(tasks.lingeringCount(), listed, threads, threadsLeftOut);
	}

	private ClientThreadCensus.LeakedThreads settledLeakedThreads() {
		Deadline settled = Deadline.after(SETTLE);
		ClientThreadCensus.LeakedThreads leaked = this.lingering.threads().leakedThreads();
		try {
			while (!leaked.threads().isEmpty() && !settled.hasPassed()) {
				Thread.sleep(20);
				leaked = this.lingering.threads().leakedThreads();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return leaked;
	}

	private static String describe(TimeoutTask task) {
		return task.source() + ": " + task.description() + ((task.reason() != null) ? " (" + task.reason() + ")" : "");
	}

}
