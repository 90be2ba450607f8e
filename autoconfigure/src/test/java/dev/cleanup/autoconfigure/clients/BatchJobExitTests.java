package dev.cleanup.autoconfigure.clients;

import java.time.Duration;

import dev.cleanup.buildsupport.ChildJvm;
import dev.cleanup.buildsupport.LoggedProcess;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A non-web application, in a child JVM, exits by itself after {@code context.close()}
 * even when its clients own non-daemon threads; without the starter it does not.
 *
 * @author cleanup contributors
 */
class BatchJobExitTests {

	private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(45);

	private final SlowUpstream upstream = SlowUpstream.start();

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void batchJobUsingJettyThroughRestClientBuilderExits() throws Exception {
		try (LoggedProcess job = ChildJvm.start(BatchJobApplication.class, this.upstream.uri("/delay/10").toString(),
				"--spring.http.clients.imperative.factory=jetty")) {
			assertThat(job.awaitExit(EXIT_TIMEOUT)).as(job::output).isTrue();
			assertThat(job.exitCode()).as(job::output).isZero();
			assertThat(job.output()).contains("batch call answered: done /delay/10")
				.contains("batch context closed")
				.contains("http-client-jetty");
		}
	}

	@Test
	void batchJobUsingJettyWithoutTheStarterNeverExits() throws Exception {
		try (LoggedProcess job = ChildJvm.start(BatchJobApplication.class, this.upstream.uri("/delay/10").toString(),
				"--spring.http.clients.imperative.factory=jetty", "--cleanup.enabled=false")) {
			await().atMost(EXIT_TIMEOUT).until(() -> job.output().contains("batch context closed") || !job.isAlive());
			// Jetty's non-daemon threads keep the JVM alive: plain Boot's behaviour today
			assertThat(job.awaitExit(Duration.ofSeconds(5))).as(job::output).isFalse();
		}
	}

	@Test
	void watchdogNamesALeftoverThreadAndWithActionExitEndsTheJvm() throws Exception {
		try (LoggedProcess job = ChildJvm.start(BatchJobApplication.class, this.upstream.uri("/delay/10").toString(),
				"--spring.profiles.active=leftover-thread", "--cleanup.watchdog.grace=1s",
				"--cleanup.watchdog.action=exit")) {
			assertThat(job.awaitExit(EXIT_TIMEOUT)).as(job::output).isTrue();
			assertThat(job.exitCode()).as(job::output).isZero();
			assertThat(job.output()).contains("forgotten-worker").contains("calling System.exit(0)");
		}
	}

	@Test
	void batchJobWithJdkHttpClientBeanOnUserExecutorExits() throws Exception {
		try (LoggedProcess job = ChildJvm.start(BatchJobApplication.class, this.upstream.uri("/delay/10").toString(),
				"--spring.profiles.active=jdk-bean", "--spring.http.clients.imperative.factory=jdk")) {
			assertThat(job.awaitExit(EXIT_TIMEOUT)).as(job::output).isTrue();
			assertThat(job.exitCode()).as(job::output).isZero();
			assertThat(job.output()).contains("jdk client answered: 200").contains("jdkHttpClient");
		}
	}

}
