package dev.cleanup.client.reactor;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the quiet period {@link ReactorDisposal.Timing} hands to Netty: never 0,
 * which can leave a channel open on an ended Netty 4.2 loop, and never more than the
 * timeout, which Netty refuses.
 *
 * @author cleanup contributors
 */
class ReactorDisposalTimingTests {

	@ParameterizedTest(name = "chosen {0} ms, timeout {1} ms: Netty gets {2} ms")
	@CsvSource({ "0, 5000, 50", "0, 300, 50", "20, 5000, 50", "2000, 5000, 2000", "0, 10, 10", "0, 0, 0" })
	void nettyGetsAtLeastTheLeastQuietPeriodAndNeverMoreThanTheTimeout(long chosen, long timeout, long netty) {
		ReactorDisposal.Timing timing = new ReactorDisposal.Timing(Duration.ofMillis(chosen),
				Duration.ofMillis(timeout));
		assertThat(timing.nettyQuietPeriod()).isEqualTo(Duration.ofMillis(netty));
		assertThat(timing.quietPeriod()).isEqualTo(Duration.ofMillis(chosen));
	}

}
