package dev.cleanup.autoconfigure;

import java.time.Duration;

import dev.cleanup.core.Deadline;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.Teardown;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closes are quiet at exit: a close that throws, gracefully, when forced, or after it was
 * abandoned, is one WARN line naming the participant and the cause, and never a stack
 * trace on standard error.
 *
 * @author cleanup contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class QuietClosesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CleanupAutoConfiguration.class))
		.withPropertyValues("cleanup.close.timeout=200ms");

	@Test
	void closesThatThrowAreOneWarningLineEachAndNeverAStackTrace(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			ParticipantRegistry registry = context.getBean(ParticipantRegistry.class);
			registry.register("brokenFile", () -> {
				throw new IllegalStateException("disk gone");
			});
			registry.register(Participant.builder("stuckDownloads").teardown(new Teardown() {

				@Override
				public boolean closeGracefully(Deadline deadline) throws Exception {
					// ignores the interrupt and throws long after it was abandoned
					long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
					while (System.nanoTime() < end) {
						Thread.onSpinWait();
					}
					throw new IllegalStateException("late failure");
				}

				@Override
				public boolean closeForcibly() {
					throw new IllegalStateException("cannot abort");
				}

			}).build());
			context.close();
			// give the abandoned close its time to throw
			await().pollDelay(Duration.ofMillis(1600)).atMost(Duration.ofSeconds(5)).until(() -> true);
			assertThat(output.getErr()).doesNotContain("Exception").doesNotContain("\tat ");
			assertThat(output.getOut().lines().filter((line) -> line.contains("WARN")))
				.filteredOn((line) -> line.contains("brokenFile"))
				.singleElement()
				.asString()
				.contains("failed")
				.contains("disk gone");
			assertThat(output.getOut().lines().filter((line) -> line.contains("WARN")))
				.filteredOn((line) -> line.contains("stuckDownloads"))
				.singleElement()
				.asString()
				.contains("cannot abort");
			assertThat(output.getOut()).doesNotContain("\tat dev.cleanup").doesNotContain("late failure");
		});
	}

	@Test
	void aBeanWhoseOwnHashCodeFailsIsDestroyedAsWithoutTheStarter(CapturedOutput output) {
		this.contextRunner.withBean("hostile", Hostile.class).run((context) -> {
			assertThat(context).hasSingleBean(Hostile.class);
			context.close();
		});
		// the starter looks a bean up by identity: its own hashCode is never called
		assertThat(output).doesNotContain("'hostile'").doesNotContain("no hashCode here");
	}

	static final class Hostile {

		@Override
		public int hashCode() {
			throw new IllegalStateException("no hashCode here");
		}

	}

}
