package dev.cleanup.compat;

import dev.cleanup.compat.BackgroundCalls.Run;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter on Spring Boot 3.5.x, a line whose types it does not use yet: it does
 * nothing at all, says so once, and loses no call plain Boot would complete.
 *
 * @author cleanup contributors
 */
class Boot35CompatibilityTests {

	@Test
	void inactiveWithOneWarningAndNoWorseThanPlainBoot() throws Exception {
		Run with = BackgroundCalls.run(true);
		Run without = BackgroundCalls.run(false);
		assertThat(with.completed()).as(with.output()).isGreaterThanOrEqualTo(without.completed());
		assertThat(with.count("cleanup-spring-boot-starter is inactive")).as(with.output()).isOne();
		assertThat(with.output()).contains("runs Spring Boot 3.5.7").doesNotContain("Cleanup shutdown report");
	}

}
