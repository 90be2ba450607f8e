package dev.cleanup.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.cleanup.core.Participant;
import dev.cleanup.core.plan.ParticipantPolicy;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.plan.ShutdownBudget;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.plan.ShutdownPlan;
import dev.cleanup.core.Stage;
import dev.cleanup.lingering.LingeringCensus;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.lingering.OverdueCallTaskSource;
import dev.cleanup.lingering.TimeoutTaskCensus;
import dev.cleanup.test.HostileNames.HostileName;
import dev.cleanup.test.HostileNames;
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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link CleanupEndpoint}, built from the real tracker, coordinator and timeout task
 * census, never shows what {@link UriSanitizer} hides for in-flight calls to generated
 * hostile URIs: not in the calls it lists, nor in the descriptions of their deadlines
 * (pending or passed). Query values appear only where {@code show-values} allows.
 *
 * @author cleanup contributors
 */
@ExtendWith(InstancioExtension.class)
class CleanupEndpointUriProperties {

	private static final int TRIES = 100;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ParticipantRegistry registry = new ParticipantRegistry();

	private final ParticipantPolicy policy = ParticipantPolicy
		.of(Map.of(Stage.CLOSE, Duration.ofSeconds(1), Stage.DISPOSE, Duration.ofSeconds(1)), Map.of());

	private final ShutdownCoordinator coordinator = new ShutdownCoordinator(this.registry, this.policy,
			Duration.ofSeconds(1));

	private final InFlightCalls calls = new InFlightCalls();

	private final TimeoutTaskCensus tasks = new TimeoutTaskCensus(() -> false);

	@Test
	@Seed(20261130L)
	void inFlightCallsAndTheirDeadlinesNeverShowWhatTheSanitizerHides(
			@Given(HostileUris.AnyForm.class) Stream<HostileUri> uris) {
		CleanupEndpoint masking = endpoint(Show.NEVER);
		CleanupEndpoint showing = endpoint(Show.ALWAYS);
		uris.limit(TRIES).forEach((generated) -> {
			List<InFlightCall> started = startCalls(generated);
			try {
				CleanupEndpoint.CleanupDescriptor masked = masking.cleanup(SecurityContext.NONE);
				assertThat(masked.inFlight()).extracting(CleanupEndpoint.InFlightCallDescriptor::uri)
					.containsOnly(UriSanitizer.sanitize(generated.uri()));
				assertThat(masked.lingeringTasks()).as("%s", generated).hasSize(1);
				String maskedJson = this.json.writeValueAsString(masked);
				assertThat(HostileUris.leaks(maskedJson, HostileUris.SECRET))
					.as("%s in %s", generated, HostileUris.abbreviate(maskedJson))
					.isFalse();
				assertThat(HostileUris.leaks(maskedJson, HostileUris.QUERY_SECRET))
					.as("%s in %s", generated, HostileUris.abbreviate(maskedJson))
					.isFalse();
				CleanupEndpoint.CleanupDescriptor shown = showing.cleanup(SecurityContext.NONE);
				assertThat(shown.inFlight()).extracting(CleanupEndpoint.InFlightCallDescriptor::uri)
					.containsOnly(UriSanitizer.sanitize(generated.uri(), true));
				String shownJson = this.json.writeValueAsString(shown);
				assertThat(HostileUris.leaks(shownJson, HostileUris.SECRET))
					.as("%s in %s", generated, HostileUris.abbreviate(shownJson))
					.isFalse();
			}
			finally {
				started.forEach((call) -> this.calls.end(call, null));
			}
		});
	}

	@Test
	@Seed(20261130L)
	void noGeneratedNameBreaksTheParticipantSelector(@Given(HostileNames.Provider.class) Stream<HostileName> names) {
		CleanupEndpoint endpoint = endpoint(Show.NEVER);
		this.registry.register(Participant.builder("paymentsClient").teardown((deadline) -> true).build());
		names.limit(TRIES).forEach((name) -> {
			CleanupEndpoint.ParticipantDescriptor participant = endpoint.participant(name.name());
			if (participant != null) {
				assertThat(participant.name()).as("%s", name).isEqualTo(name.name());
			}
		});
	}

	private List<InFlightCall> startCalls(HostileUri generated) {
		TrackedClient named = this.calls.namedClient("paymentsClient");
		TrackedClient captured = this.calls.capturedClient("http-client-jetty");
		List<InFlightCall> started = new ArrayList<>();
		started.add(this.calls.start(named, "GET", generated.uri()));
		// one deadline passed (a lingering task), one ahead (a pending timeout)
		started.add(this.calls.start(captured, "POST", generated.uri(), Duration.ofMillis(-1)));
		started.add(this.calls.start(named, "PUT", generated.uri(), Duration.ofMinutes(5)));
		return started;
	}

	private CleanupEndpoint endpoint(Show showValues) {
		if (this.tasks.sources().isEmpty()) {
			this.tasks.addSource(new OverdueCallTaskSource(this.calls));
		}
		ShutdownPlan plan = new ShutdownPlan(this.policy, List.of(),
				new ShutdownBudget(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(5)),
				null, null, Duration.ZERO);
		return new CleanupEndpoint(this.coordinator, this.calls, new PendingWork(new LingeringCensus(this.tasks)),
				() -> plan, showValues, Set.of());
	}

}
