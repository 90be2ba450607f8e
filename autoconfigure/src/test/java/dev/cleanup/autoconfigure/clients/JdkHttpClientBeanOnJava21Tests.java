package dev.cleanup.autoconfigure.clients;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cleanup.buildsupport.ChildJvm;
import dev.cleanup.buildsupport.Jdks;
import dev.cleanup.buildsupport.LoggedProcess;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Java 21+ {@code HttpClient} bean with a call that never ends: the shutdown still ends
 * within the budget, and Spring's inferred {@code close()} that follows returns at once.
 * Runs in a child JVM on a Java 21+ JDK; skipped, with a message, where there is none.
 *
 * @author cleanup contributors
 */
class JdkHttpClientBeanOnJava21Tests {

	private static final Pattern CLOSED_IN = Pattern.compile("context closed in (\\d+) ms");

	private final SlowUpstream upstream = SlowUpstream.start();

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void shutdownWithANeverEndingCallStaysWithinTheBudget() throws Exception {
		Optional<Path> java = Jdks.java(21);
		assumeTrue(java.isPresent(), "No Java 21+ JDK found (java.home or /usr/lib/jvm): skipping the Java 21 "
				+ "HttpClient shutdown test");
		try (LoggedProcess app = ChildJvm.start(java.get(), HangingJdkClientApplication.class,
				this.upstream.uri("/hang").toString(), "--cleanup.drain.timeout=1s", "--cleanup.close.timeout=1s")) {
			assertThat(app.awaitExit(Duration.ofSeconds(60))).as(app::output).isTrue();
			assertThat(app.exitCode()).as(app::output).isZero();
			Matcher closed = CLOSED_IN.matcher(app.output());
			assertThat(closed.find()).as(app::output).isTrue();
			long budget = 1000 + 1000 + 1100 + 1100;
			assertThat(Long.parseLong(closed.group(1))).as(app::output).isLessThan(budget + 4000);
			assertThat(app.output()).contains("jdkHttpClient").contains("forced").contains("hanging call ended");
		}
	}

}
