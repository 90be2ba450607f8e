package dev.cleanup.autoconfigure;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.CutCall;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Finishes the shutdown and logs its report: one INFO block, then a WARN line for every
 * participant not closed gracefully.
 *
 * @author cleanup contributors
 */
final class ShutdownReportLogger implements Runnable {

	private static final Log logger = LogFactory.getLog("dev.cleanup.ShutdownReport");

	private final ShutdownCoordinator coordinator;

	ShutdownReportLogger(ShutdownCoordinator coordinator) {
		this.coordinator = coordinator;
	}

	@Override
	public void run() {
		ShutdownReport report = this.coordinator.finish();
		if (logger.isInfoEnabled()) {
			logger.info(report.format());
		}
		for (CloseResult warning : report.warnings()) {
			logger.warn(ShutdownReport.warningLine(warning));
		}
		for (CutCall call : report.cutCalls()) {
			logger.warn("Outbound call cut by shutdown: " + call.describe());
		}
	}

}
