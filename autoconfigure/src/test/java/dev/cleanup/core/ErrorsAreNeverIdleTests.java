package dev.cleanup.core;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error is never read as "nothing in use": a pool whose figures throw is closed
 * without being waited for, but its close is {@code unverified}, with the cause, and one
 * WARN names it; a close that throws stays {@code failed}.
 *
 * @author cleanup contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorsAreNeverIdleTests {

	@Test
	void poolWhoseFiguresThrowIsUnverifiedNotGraceful(CapturedOutput output) {
		Teardown brokenFigures = new Teardown() {

			@Override
			public boolean closeGracefully(Deadline deadline) {
				return true;
			}

			@Override
			public PoolUsage usage() {
				throw new IllegalStateException("statistics unavailable");
			}

		};
		CloseResult result = StageClose.run(Kind.APACHE_HTTPCLIENT5, brokenFigures, Duration.ofSeconds(2)).result();
		assertThat(result.outcome()).isEqualTo(Outcome.UNVERIFIED);
		assertThat(result.detail()).contains("reading whether it was in use failed")
			.contains("IllegalStateException: statistics unavailable");
		assertThat(output.toString().lines().filter((line) -> line.contains("reading whether it is in use failed")))
			.singleElement()
			.asString()
			.contains("WARN")
			.contains("IllegalStateException");
	}

	@Test
	void closeThatThrowsStaysFailed() {
		Teardown throwing = (deadline) -> {
			throw new IllegalStateException("socket gone");
		};
		CloseResult result = StageClose.run(Kind.APACHE_HTTPCLIENT5, throwing, Duration.ofSeconds(2)).result();
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
	}

}
