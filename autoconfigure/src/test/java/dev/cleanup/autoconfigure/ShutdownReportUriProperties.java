package dev.cleanup.autoconfigure;

import dev.cleanup.autoconfigure.lifecycle.ShutdownReportLogger;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import dev.cleanup.core.ShutdownReport.CutCall;
import dev.cleanup.core.plan.ParticipantPolicy;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.core.Stage;
import dev.cleanup.lingering.LingeringCensus;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.test.HostileUris.HostileUri;
import dev.cleanup.test.HostileUris;
import dev.cleanup.tracking.InFlightCall;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import dev.cleanup.tracking.UriSanitizer;
import org.instancio.junit.Given;
import org.instancio.junit.InstancioExtension;
import org.instancio.junit.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shutdown report and its log lines never show what {@link UriSanitizer} hides, for
 * generated hostile URIs of calls cut by shutdown: calls that failed once pools were
 * closing (with a failure message that may quote the URI, as clients and interceptors do)
 * and calls still in flight when shutdown ended. Everything runs through the real
 * tracker, coordinator and report logger, whose output is captured.
 *
 * @author cleanup contributors
 */
@ExtendWith({ InstancioExtension.class, OutputCaptureExtension.class })
class ShutdownReportUriProperties {

	private static final int TRIES = 100;

	@Test
	@Seed(20261130L)
	void theReportAndItsLogLinesNeverShowWhatTheSanitizerHides(
			@Given(HostileUris.AnyForm.class) Stream<HostileUri> uris, CapturedOutput output) {
		int[] quoted = new int[2];
		uris.limit(TRIES).forEach((generated) -> {
			int logged = output.getOut().length();
			ShutdownReport report = shutDownCutting(generated.uri(), quoted);
			assertThat(report.cutCalls()).hasSize(3);
			String text = report.format();
			assertThat(HostileUris.leaks(text, HostileUris.SECRET)).as("%s in report %s", generated, abbreviated(text))
				.isFalse();
			assertThat(HostileUris.leaks(text, HostileUris.QUERY_SECRET))
				.as("%s in report %s", generated, abbreviated(text))
				.isFalse();
			for (CutCall call : report.cutCalls()) {
				assertThat(call.uri()).isEqualTo(UriSanitizer.sanitize(generated.uri()));
			}
			String log = output.getOut().substring(logged);
			assertThat(log).as("%s", generated).contains("Cleanup shutdown report").contains("Outbound call cut");
			assertThat(HostileUris.leaks(log, HostileUris.SECRET)).as("%s in log %s", generated, abbreviated(log))
				.isFalse();
			assertThat(HostileUris.leaks(log, HostileUris.QUERY_SECRET)).as("%s in log %s", generated, abbreviated(log))
				.isFalse();
		});
		assertThat(quoted[0]).as("failure messages quoting a URI with a secret").isGreaterThan(TRIES / 4);
	}

	/**
	 * Shut down with three calls to the URI: one failing once pools are closing with a
	 * message quoting the URI, one with a deadline that has passed, one still in flight.
	 */
	private static ShutdownReport shutDownCutting(URI uri, int[] quoted) {
		ParticipantRegistry registry = new ParticipantRegistry();
		ShutdownCoordinator coordinator = new ShutdownCoordinator(
				registry, ParticipantPolicy
					.of(Map.of(Stage.CLOSE, Duration.ofSeconds(1), Stage.DISPOSE, Duration.ofSeconds(1)), Map.of()),
				Duration.ZERO);
		InFlightCalls calls = new InFlightCalls();
		coordinator.addInFlightSource(calls);
		TrackedClient named = calls.namedClient("paymentsClient");
		TrackedClient captured = calls.capturedClient("http-client-jetty");
		InFlightCall failing = calls.start(named, "GET", uri);
		calls.start(captured, "POST", uri, Duration.ofMillis(-1));
		calls.start(named, "DELETE", uri);
		coordinator.drain();
		coordinator.close(Stage.CLOSE);
		// quoted as given or in ASCII form, every other call
		String quote = (quoted[1]++ % 2 == 0) ? uri.toString() : uri.toASCIIString();
		if (HostileUris.leaks(quote, HostileUris.SECRET) || HostileUris.leaks(quote, HostileUris.QUERY_SECRET)) {
			quoted[0]++;
		}
		// the pool of the failing call's client is being closed
		named.poolClosing();
		calls.end(failing, new IOException("I/O error on GET request for \"" + quote + "\": Connection reset"));
		coordinator.close(Stage.DISPOSE);
		new ShutdownReportLogger(coordinator, new LingeringCensus(new TimeoutTaskCensus(coordinator::isShuttingDown)))
			.run();
		return coordinator.report();
	}

	private static String abbreviated(String text) {
		return HostileUris.abbreviate(text);
	}

}
