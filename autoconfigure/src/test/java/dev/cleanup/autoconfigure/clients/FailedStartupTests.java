package dev.cleanup.autoconfigure.clients;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import dev.cleanup.buildsupport.ChildJvm;
import dev.cleanup.buildsupport.LoggedProcess;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A startup that fails after pools were created ends the JVM by itself, with a non-zero
 * status: the participants created so far are closed before any bean's destroy method,
 * and the report names them. Without the starter, the Jetty client's threads keep the JVM
 * alive for good.
 *
 * @author cleanup contributors
 */
class FailedStartupTests {

	/**
	 * The budget of these applications' shutdown (drain 10 s and close 5 s at most, with
	 * nothing in flight far less), plus a JVM start, with room for a slow machine.
	 */
	private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

	private final SlowUpstream upstream = SlowUpstream.start();

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void batchJobOnJettyWhoseLaterBeanFailsExitsByItself() throws Exception {
		try (LoggedProcess job = start("--spring.main.web-application-type=none",
				"--spring.http.clients.imperative.factory=jetty", "--spring.profiles.active=fail")) {
			assertThat(job.awaitExit(EXIT_TIMEOUT)).as(job::output).isTrue();
			assertThat(job.exitCode()).as(job::output).isNotZero();
			assertThat(job.output()).contains("Remote configuration fetched: done /delay/10")
				.contains("Could not resolve placeholder 'required.property'")
				.contains("Application context failed to start: closing the")
				.contains("Cleanup shutdown report");
			assertThat(job.lines("  close    http-client-jetty")).as(job::output)
				.singleElement()
				.asString()
				.contains("graceful");
		}
	}

	@Test
	void batchJobWithAJdkClientOnItsOwnExecutorExitsByItself() throws Exception {
		try (LoggedProcess job = start("--spring.main.web-application-type=none",
				"--spring.http.clients.imperative.factory=jdk", "--spring.profiles.active=fail,jdk-bean")) {
			assertThat(job.awaitExit(EXIT_TIMEOUT)).as(job::output).isTrue();
			assertThat(job.exitCode()).as(job::output).isNotZero();
			assertThat(job.output()).contains("JDK client answered: 200").contains("Cleanup shutdown report");
			assertThat(job.lines("  close    jdkHttpClient")).as(job::output).hasSize(1);
		}
	}

	@Test
	void webApplicationWhosePortIsInUseExitsByItself() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				LoggedProcess app = start("--spring.main.web-application-type=servlet", "--server.address=127.0.0.1",
						"--server.port=" + taken.getLocalPort(), "--spring.http.clients.imperative.factory=jetty")) {
			assertThat(app.awaitExit(EXIT_TIMEOUT)).as(app::output).isTrue();
			assertThat(app.exitCode()).as(app::output).isNotZero();
			assertThat(app.output()).contains("Remote configuration fetched")
				.contains("was already in use")
				.contains("Cleanup shutdown report");
			assertThat(app.lines("  close    http-client-jetty")).as(app::output).hasSize(1);
		}
	}

	@Test
	void watchdogExitActionEndsAFailedStartupWithStatus1() throws Exception {
		try (LoggedProcess job = start("--catch-failure", "--spring.main.web-application-type=none",
				"--spring.profiles.active=fail", "--cleanup.watchdog.action=exit", "--cleanup.watchdog.grace=1s")) {
			assertThat(job.awaitExit(EXIT_TIMEOUT)).as(job::output).isTrue();
			// not the uncaught exception's status: main caught it, and only the watchdog
			// ends the JVM
			assertThat(job.output()).contains("Startup failed, and the application caught it")
				.contains("calling System.exit(1)");
			assertThat(job.exitCode()).as(job::output).isEqualTo(1);
		}
	}

	@Test
	void watchdogDefaultActionOnlyLogsTheThreadsOfAFailedStartup() throws Exception {
		try (LoggedProcess job = start("--catch-failure", "--spring.main.web-application-type=none",
				"--spring.profiles.active=fail", "--cleanup.watchdog.grace=1s")) {
			await().atMost(EXIT_TIMEOUT).until(() -> job.output().contains("non-daemon thread(s) are still alive"));
			// the default action, log, names the threads and leaves the JVM to its owner
			assertThat(job.awaitExit(Duration.ofSeconds(3))).as(job::output).isFalse();
		}
	}

	@Test
	void withoutTheStarterTheFailedBatchJobNeverExits() throws Exception {
		try (LoggedProcess job = start("--spring.main.web-application-type=none",
				"--spring.http.clients.imperative.factory=jetty", "--spring.profiles.active=fail",
				"--cleanup.enabled=false")) {
			await().atMost(EXIT_TIMEOUT).until(() -> job.output().contains("Application run failed") || !job.isAlive());
			// plain Boot: Jetty's non-daemon threads keep the JVM alive
			assertThat(job.awaitExit(Duration.ofSeconds(5))).as(job::output).isFalse();
		}
	}

	private LoggedProcess start(String... args) throws Exception {
		String[] all = new String[args.length + 1];
		all[0] = "--upstream=" + this.upstream.uri("/delay/10");
		System.arraycopy(args, 0, all, 1, args.length);
		return ChildJvm.start(FailingStartupApplication.class, all);
	}

}
