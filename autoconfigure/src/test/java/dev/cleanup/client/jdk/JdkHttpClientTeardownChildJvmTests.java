package dev.cleanup.client.jdk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.cleanup.core.plan.ShutdownBudget;
import dev.cleanup.buildsupport.ChildJvm;
import dev.cleanup.buildsupport.Jdks;
import dev.cleanup.buildsupport.LoggedProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link JdkHttpClientTeardown} on Java 21 and later, where the client has a
 * close API. The build's JVM is Java 17, so each scenario of
 * {@link JdkHttpClientShutdownScenario} runs in a child JVM of a Java 21+ JDK found under
 * {@code /usr/lib/jvm}; without one, the tests are skipped.
 *
 * @author cleanup contributors
 */
class JdkHttpClientTeardownChildJvmTests {

	/** Generous slack for a shared, noisy machine. */
	private static final Duration SLACK = Duration.ofMillis(1500);

	private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

	private static Optional<Path> java21;

	@BeforeAll
	static void findJava21() throws IOException {
		java21 = Jdks.java(21);
		java21.ifPresentOrElse((java) -> System.out.println("Java 21+ child JVM: " + java),
				() -> System.out.println("No Java 21+ JDK found; skipping the child JVM tests"));
	}

	@Test
	void callThatNeverEndsIsForcedInTimeAndCloseThenReturnsAtOnce() throws Exception {
		Map<String, String> result = runScenario("hang");
		assertThat(result).containsEntry("closeApi", "true").containsEntry("outcome", "FORCED");
		long timeoutMs = Long.parseLong(result.get("timeoutMs"));
		assertThat(Long.parseLong(result.get("elapsedMs"))).isGreaterThanOrEqualTo(timeoutMs)
			.isLessThan(timeoutMs + ShutdownBudget.FORCE_TIMEOUT.toMillis() + SLACK.toMillis());
		assertThat(result).containsEntry("terminated", "true").containsEntry("call", "java.io.IOException");
		assertThat(result).containsEntry("closeReturned", "true");
		assertThat(Long.parseLong(result.get("closeMs"))).isBetween(0L, 500L);
	}

	@Test
	void callInFlightCompletesAndTheClientsThreadsEnd() throws Exception {
		Map<String, String> result = runScenario("delay");
		assertThat(result).containsEntry("closeApi", "true").containsEntry("outcome", "GRACEFUL");
		assertThat(result.get("clientThreadsBefore")).matches("HttpClient-\\d+-SelectorManager.*");
		assertThat(result).containsEntry("callDone", "true")
			.containsEntry("status", "200")
			.containsEntry("body", "done /delay/800");
		assertThat(result).containsEntry("clientThreadsAfter", "");
		assertThat(Long.parseLong(result.get("elapsedMs"))).isLessThan(800 + SLACK.toMillis());
	}

	private Map<String, String> runScenario(String scenario) throws Exception {
		assumeTrue(java21.isPresent(), "No Java 21+ JDK found under /usr/lib/jvm or java.home: "
				+ "the JDK HttpClient close API (shutdown/awaitTermination/shutdownNow) is not tested");
		long start = System.nanoTime();
		try (LoggedProcess child = ChildJvm.start(java21.get(), JdkHttpClientShutdownScenario.class, scenario)) {
			boolean exited = child.awaitExit(CHILD_TIMEOUT);
			String text = child.output();
			System.out.printf("Child JVM '%s' took %d ms:%n%s", scenario,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), text);
			if (!exited) {
				fail("Child JVM did not exit within " + CHILD_TIMEOUT + ":\n" + text);
			}
			assertThat(child.exitCode()).as("child JVM exit code, output:%n%s", text).isZero();
			return parse(text);
		}
	}

	private static Map<String, String> parse(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : text.split("\\R")) {
			int equals = line.indexOf('=');
			if (equals > 0) {
				values.put(line.substring(0, equals), line.substring(equals + 1));
			}
		}
		return values;
	}

}
