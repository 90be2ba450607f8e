package dev.cleanup.lingering;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.cleanup.buildsupport.ChildJvm;
import dev.cleanup.buildsupport.Jdks;
import dev.cleanup.buildsupport.LoggedProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link CommonPoolDelayedTaskSource}: on the JDK running the tests and in a
 * child JVM on JDK 25 or later.
 *
 * @author cleanup contributors
 */
class CommonPoolDelayedTaskSourceTests {

	@Test
	void beforeJdk25TheSourceSaysItIsNotAvailable() {
		assumeTrue(Runtime.version().feature() < 25, "running on JDK 25+");
		TimeoutTaskSnapshot snapshot = new CommonPoolDelayedTaskSource().snapshot(10, 5);
		assertThat(CommonPoolDelayedTaskSource.isAvailable()).isFalse();
		assertThat(snapshot.isAvailable()).isFalse();
		assertThat(snapshot.note()).startsWith("not available: ForkJoinPool.getDelayedTaskCount() needs JDK 25+")
			.endsWith("running " + Runtime.version().feature());
	}

	@Test
	void onJdk25CompletableFutureTimeoutsAreCountedUntilTheFuturesComplete() throws Exception {
		Optional<Path> java = Jdks.java(25);
		assumeTrue(java.isPresent(), "no JDK 25+ found under /usr/lib/jvm or in -Dcleanup.test.jdk25");
		try (LoggedProcess child = ChildJvm.start(java.get(), CommonPoolDelayedTaskChild.class)) {
			assertThat(child.awaitExit(Duration.ofSeconds(60))).as(child::output).isTrue();
			assertThat(child.output()).contains("available=true")
				.contains("pending with 10 timeouts=10")
				.contains("pending once completed=0");
			assertThat(child.exitCode()).isZero();
		}
	}

}
