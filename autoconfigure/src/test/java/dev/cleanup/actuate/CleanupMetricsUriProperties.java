package dev.cleanup.actuate;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.cleanup.core.Kind;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.plan.ParticipantPolicy;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.Stage;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.lingering.OverdueCallTaskSource;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.test.HostileUris.HostileUri;
import dev.cleanup.test.HostileUris;
import dev.cleanup.tracking.InFlightCall;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackedClient;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.instancio.junit.Given;
import org.instancio.junit.InstancioExtension;
import org.instancio.junit.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No meter of {@link CleanupMetrics} carries any part of a call's URI, for generated
 * hostile URIs of calls in flight, cut and overdue, through a real shutdown of the
 * coordinator the meters are bound to.
 *
 * @author cleanup contributors
 */
@ExtendWith(InstancioExtension.class)
class CleanupMetricsUriProperties {

	private static final int TRIES = 100;

	private static final Set<String> TAG_VALUES = Stream
		.of(Stream.of(CleanupMetrics.CAPTURED, "paymentsClient", OverdueCallTaskSource.NAME),
				Arrays.stream(Stage.values()).map(Stage::configName),
				Arrays.stream(Kind.values()).map(Kind::displayName),
				Arrays.stream(Outcome.values()).map(Outcome::displayName))
		.flatMap(Function.identity())
		.collect(Collectors.toSet());

	@Test
	@Seed(20261130L)
	void noMeterTagCarriesAnyPartOfAUri(@Given(HostileUris.AnyForm.class) Stream<HostileUri> uris) {
		uris.limit(TRIES).forEach((generated) -> {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			ParticipantRegistry registry = new ParticipantRegistry();
			ShutdownCoordinator coordinator = new ShutdownCoordinator(registry,
					ParticipantPolicy
						.of(Map.of(Stage.CLOSE, Duration.ofSeconds(1), Stage.DISPOSE, Duration.ofSeconds(1)), Map.of()),
					Duration.ZERO);
			InFlightCalls calls = new InFlightCalls();
			coordinator.addInFlightSource(calls);
			TimeoutTaskCensus tasks = new TimeoutTaskCensus(() -> false);
			tasks.addSource(new OverdueCallTaskSource(calls));
			new CleanupMetrics(coordinator, calls, tasks).bindTo(meters);
			registry.register(Participant.builder("paymentsClient").teardown((deadline) -> true).build());
			TrackedClient named = calls.namedClient("paymentsClient");
			TrackedClient captured = calls.capturedClient("http-client-jetty");
			InFlightCall failing = calls.start(named, "GET", generated.uri());
			InFlightCall capturedFailing = calls.start(captured, "GET", generated.uri(), Duration.ofMillis(-1));
			calls.start(named, "POST", generated.uri(), Duration.ofMillis(-1));
			assertNoTagCarries(meters, generated);
			coordinator.close(Stage.CLOSE);
			// the pools of the failing calls' clients are being closed
			named.poolClosing();
			captured.poolClosing();
			calls.end(failing, new IOException("I/O error on GET request for \"" + generated.uri() + "\""));
			calls.end(capturedFailing, new IOException(generated.uri().toASCIIString()));
			coordinator.close(Stage.DISPOSE);
			coordinator.finish();
			assertThat(meters.get(CleanupMeters.REQUESTS_CUT.getName())
				.tag("client", "paymentsClient")
				.functionCounter()
				.count()).isEqualTo(1);
			assertThat(meters.get(CleanupMeters.CLOSE.getName()).tag("participant", "paymentsClient").timer().count())
				.isEqualTo(1);
			assertNoTagCarries(meters, generated);
		});
	}

	private static void assertNoTagCarries(SimpleMeterRegistry meters, HostileUri generated) {
		assertThat(meters.getMeters()).isNotEmpty();
		for (Meter meter : meters.getMeters()) {
			for (Tag tag : meter.getId().getTags()) {
				String text = meter.getId().getName() + " " + tag.getKey() + "=" + tag.getValue();
				assertThat(HostileUris.leaks(text, HostileUris.SECRET)).as("%s: %s", generated, text).isFalse();
				assertThat(HostileUris.leaks(text, HostileUris.QUERY_SECRET)).as("%s: %s", generated, text).isFalse();
				// bounded: names of named clients and participants, or fixed values
				assertThat(tag.getValue()).as("%s: %s", generated, text).isIn(TAG_VALUES);
			}
		}
	}

}
