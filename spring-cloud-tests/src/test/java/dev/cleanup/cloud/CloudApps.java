package dev.cleanup.cloud;

import java.util.List;

import dev.cleanup.actuate.CleanupEndpoint;
import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the Spring Cloud tests ask of a running application and of its shutdown.
 *
 * @author cleanup contributors
 */
final class CloudApps {

	private CloudApps() {
	}

	static List<String> participantNames(ConfigurableApplicationContext context) {
		return context.getBean(ParticipantRegistry.class).participants().stream().map(Participant::name).toList();
	}

	static List<String> inFlightClients(ConfigurableApplicationContext context) {
		return context.getBean(CleanupEndpoint.class)
			.cleanup(SecurityContext.NONE)
			.inFlight()
			.stream()
			.map(CleanupEndpoint.InFlightCallDescriptor::client)
			.toList();
	}

	/**
	 * Close the context and return its shutdown report.
	 */
	static ShutdownReport close(ConfigurableApplicationContext context) {
		ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
		context.close();
		ShutdownReport report = coordinator.report();
		if (report == null) {
			throw new IllegalStateException("No shutdown report");
		}
		return report;
	}

	static List<CloseResult> results(ShutdownReport report, String... names) {
		return report.results().stream().filter((result) -> List.of(names).contains(result.name())).toList();
	}

}
