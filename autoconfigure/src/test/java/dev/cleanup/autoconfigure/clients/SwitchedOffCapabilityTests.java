package dev.cleanup.autoconfigure.clients;

import java.time.Duration;

import dev.cleanup.buildsupport.ChildJvm;
import dev.cleanup.buildsupport.LoggedProcess;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Where the starter cannot do something (here: read the private fields it finds pools by,
 * as on a library version that renamed them), it switches that off with one WARN, starts
 * as usual, and the shutdown is no worse than plain Boot's: the calls are still tracked
 * and drained, though their pool is not closed by the starter.
 *
 * @author cleanup contributors
 */
@EnabledForJreRange(max = JRE.JAVA_23, disabledReason = "refuses reflection with a security manager, gone in Java 24")
class SwitchedOffCapabilityTests {

	private static final int CALLS = 4;

	private final SlowUpstream upstream = SlowUpstream.start();

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void unreadableFieldsAreOneWarningAndTheShutdownIsNoWorseThanPlainBoot() throws Exception {
		String withStarter = run();
		String plainBoot = run("--cleanup.enabled=false");
		System.out.printf("Fields unreadable: %d of %d calls completed with the starter, %d without%n",
				completed(withStarter), CALLS, completed(plainBoot));
		assertThat(withStarter).contains("Background calls started").doesNotContain("APPLICATION FAILED TO START");
		assertThat(withStarter.lines().filter((line) -> line.contains("dev.cleanup.Compatibility"))).as(withStarter)
			.singleElement()
			.asString()
			.contains("cannot read org.springframework.web.client.DefaultRestClientBuilder.requestFactory")
			.contains("SecurityException");
		assertThat(completed(withStarter)).as(withStarter)
			.isEqualTo(CALLS)
			.isGreaterThanOrEqualTo(completed(plainBoot));
	}

	private String run(String... extra) throws Exception {
		String[] args = new String[extra.length + 3];
		args[0] = "--upstream=" + this.upstream.uri("/delay/3000");
		args[1] = "--calls=" + CALLS;
		args[2] = "--spring.http.clients.imperative.factory=http-components";
		System.arraycopy(extra, 0, args, 3, extra.length);
		try (LoggedProcess app = ChildJvm.start(UnreadableFieldsApplication.class, args)) {
			await().atMost(Duration.ofSeconds(60)).until(() -> this.upstream.active() == CALLS || !app.isAlive());
			app.sigterm();
			assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app::output).isTrue();
			return app.output();
		}
	}

	private static long completed(String output) {
		return output.lines().filter((line) -> line.contains("Background call completed")).count();
	}

}
