package dev.cleanup.core;

import dev.cleanup.core.plan.ParticipantNames;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ParticipantRegistry}.
 *
 * @author cleanup contributors
 */
class ParticipantRegistryTests {

	private final ParticipantRegistry registry = new ParticipantRegistry();

	@Test
	void duplicateNamesGetASuffix() {
		Participant first = this.registry.register(strong("client"));
		Participant second = this.registry.register(strong("client"));
		Participant third = this.registry.register(strong("client"));
		assertThat(List.of(first.name(), second.name(), third.name())).containsExactly("client", "client-2",
				"client-3");
	}

	@Test
	void namesAreMadeSafeForUrlsAndPropertyKeys() {
		Participant participant = this.registry.register(strong("http://user@host/../a b.c"));
		assertThat(participant.name()).isEqualTo("http---user-host----a-b-c");
		assertThat(ParticipantNames.isSafe(participant.name())).isTrue();
		assertThat(Participant.builder("x".repeat(500)).teardown((deadline) -> true).build().name())
			.hasSize(ParticipantNames.MAX_LENGTH);
	}

	@Test
	void weaklyHeldParticipantDropsOutOnceCollected() {
		Object resource = new Object();
		this.registry.register(Participant.builder("weak").weak(resource, (r) -> (deadline) -> true).build());
		assertThat(this.registry.find("weak")).isNotNull();
		resource = null;
		await().untilAsserted(() -> {
			System.gc();
			assertThat(this.registry.participants()).isEmpty();
		});
		assertThat(this.registry.find("weak")).isNull();
	}

	@Test
	void registryStaysBoundedWhenManyCapturedPoolsAreCollected() {
		int largest = 0;
		for (int i = 0; i < 10_000; i++) {
			this.registry.register(Participant.builder("pool").weak(new byte[1024], (r) -> (deadline) -> true).build());
			if (i % 500 == 0) {
				System.gc();
			}
			largest = Math.max(largest, this.registry.size());
		}
		assertThat(largest).isLessThan(2_000);
		await().untilAsserted(() -> {
			System.gc();
			assertThat(this.registry.participants()).isEmpty();
		});
		assertThat(this.registry.size()).isZero();
	}

	private static Participant strong(String name) {
		return Participant.builder(name).teardown((deadline) -> true).build();
	}

}
