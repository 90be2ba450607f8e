package dev.cleanup.lingering;

import java.time.Duration;

import dev.cleanup.buildsupport.ChildJvm;
import dev.cleanup.buildsupport.LoggedProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ExitWatchdog} in a child JVM that a leftover non-daemon thread keeps
 * alive.
 *
 * @author cleanup contributors
 */
class ExitWatchdogChildJvmTests {

	/** Generous: a child JVM starts slowly on a shared, noisy machine. */
	private static final Duration BOUND = Duration.ofSeconds(60);

	@Test
	void withActionLogTheLeftoverThreadIsReportedWithItsStackAndTheJvmStaysAlive() throws Exception {
		try (LoggedProcess child = ChildJvm.start(ExitWatchdogChild.class, "log")) {
			await().atMost(BOUND).until(() -> child.output().contains("keep the JVM from exiting"));
			String output = child.output();
			assertThat(output).contains("child: watchdog started=true");
			assertThat(output)
				.contains("Non-daemon thread 'pool-1-thread-1' (WAITING, owner: a user executor or Netty timer");
			assertThat(output).contains("java.util.concurrent.CountDownLatch.await(");
			assertThat(output).contains("dev.cleanup.lingering.ExitWatchdogChild.blockForever(");
			assertThat(output).doesNotContain("System.exit");
			assertThat(child.awaitExit(Duration.ofSeconds(3))).as("still alive after the report").isFalse();
		}
	}

	@Test
	void withActionExitTheJvmEndsByItselfWithStatusZero() throws Exception {
		try (LoggedProcess child = ChildJvm.start(ExitWatchdogChild.class, "exit")) {
			assertThat(child.awaitExit(BOUND)).as("ended within %s", BOUND).isTrue();
			assertThat(child.exitCode()).isZero();
			String output = child.output();
			assertThat(output).contains("child: watchdog started=true");
			assertThat(output).contains("Non-daemon thread 'pool-1-thread-1'");
			assertThat(output).contains("dev.cleanup.lingering.ExitWatchdogChild.blockForever(");
			assertThat(output).contains("calling System.exit(0)");
		}
	}

	@Test
	void insideAShutdownHookTheWatchdogDoesNotStart() throws Exception {
		try (LoggedProcess child = ChildJvm.start(ExitWatchdogChild.class, "hook")) {
			assertThat(child.awaitExit(BOUND)).as("ended within %s", BOUND).isTrue();
			assertThat(child.exitCode()).isEqualTo(3);
			assertThat(child.output()).contains("child: watchdog started in shutdown hook=false")
				.doesNotContain("Non-daemon thread");
		}
	}

}
