package dev.cleanup.autoconfigure.clients;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cleanup.buildsupport.ChildJvm;
import dev.cleanup.buildsupport.LoggedProcess;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fifty application contexts with a client of every stack, created and closed one after
 * the other in one JVM, as DevTools restarts and test suites do: the live threads stay
 * flat, every closed context is collected, and no exit watchdog reports threads while a
 * later context runs.
 *
 * @author cleanup contributors
 */
class ContextChurnTests {

	private static final int CONTEXTS = 50;

	/**
	 * Threads the JVM may start or stop on its own between the two measures (a GC or
	 * finalizer helper); none of the clients' threads fits in this.
	 */
	private static final int THREAD_SLACK = 2;

	private final SlowUpstream upstream = SlowUpstream.start();

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void contextsCreatedAndClosedInOneJvmLeaveNothingBehind() throws Exception {
		try (LoggedProcess churn = ChildJvm.start(ContextChurnApplication.class,
				this.upstream.uri("/delay/0").toString(), String.valueOf(CONTEXTS))) {
			assertThat(churn.awaitExit(Duration.ofMinutes(5))).as(churn::output).isTrue();
			assertThat(churn.exitCode()).as(churn::output).isZero();
			churn.lines("Context churn:").forEach(System.out::println);
			Matcher threads = find(churn, "live threads (\\d+) after \\d+ warm-up contexts, (\\d+) after");
			assertThat(Integer.parseInt(threads.group(2))).as(churn::output)
				.isLessThanOrEqualTo(Integer.parseInt(threads.group(1)) + THREAD_SLACK);
			Matcher collected = find(churn, "(\\d+) of (\\d+) closed contexts collected");
			assertThat(collected.group(1)).as(churn::output).isEqualTo(collected.group(2)).isEqualTo("" + CONTEXTS);
			assertThat(churn.output()).as(churn::output)
				.contains("Context churn: done")
				.doesNotContain("still alive")
				.doesNotContain("Exception");
		}
	}

	/**
	 * The same churn without the starter, for the figures beside the starter's
	 * ({@code bench/run.sh churn}): plain Boot does not stop the Jetty clients built by
	 * hand, so their threads pile up, and keep the JVM alive after the last context. It
	 * takes minutes, so it runs only when asked.
	 */
	@Test
	@EnabledIfSystemProperty(named = "cleanup.churn.compare", matches = "true",
			disabledReason = "measures plain Boot for bench/run.sh churn; set -Dcleanup.churn.compare=true")
	void withoutTheStarterTheSameChurnIsMeasuredForComparison() throws Exception {
		try (LoggedProcess churn = ChildJvm.start(ContextChurnApplication.class,
				this.upstream.uri("/delay/0").toString(), String.valueOf(CONTEXTS), "--cleanup.enabled=false")) {
			await().atMost(Duration.ofMinutes(5))
				.until(() -> churn.output().contains("Context churn: done") || !churn.isAlive());
			churn.lines("Context churn:").forEach((line) -> System.out.println("Plain Boot: " + line));
			assertThat(churn.output()).as(churn::output).contains("Context churn: done");
		}
	}

	private Matcher find(LoggedProcess process, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(process.output());
		assertThat(matcher.find()).as(process::output).isTrue();
		return matcher;
	}

}
