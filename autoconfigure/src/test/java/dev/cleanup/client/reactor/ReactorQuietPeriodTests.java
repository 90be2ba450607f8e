package dev.cleanup.client.reactor;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ReactorQuietPeriod}.
 *
 * @author cleanup contributors
 */
class ReactorQuietPeriodTests {

	private final AtomicInteger inFlight = new AtomicInteger();

	@Test
	void isZeroWhenIdleAndNotConfigured() {
		assertThat(ReactorQuietPeriod.zeroWhenIdle(null, this.inFlight::get).resolve()).isEqualTo(Duration.ZERO);
	}

	@Test
	void isReactorsDefaultWhenBusyAndNotConfigured() {
		ReactorQuietPeriod quietPeriod = ReactorQuietPeriod.zeroWhenIdle(null, this.inFlight::get);
		this.inFlight.set(1);
		assertThat(quietPeriod.resolve()).isEqualTo(ReactorQuietPeriod.REACTOR_DEFAULT)
			.isEqualTo(Duration.ofSeconds(2));
		this.inFlight.set(0);
		assertThat(quietPeriod.resolve()).isEqualTo(Duration.ZERO);
	}

	@Test
	void isTheConfiguredValueWhetherIdleOrBusy() {
		ReactorQuietPeriod quietPeriod = ReactorQuietPeriod.zeroWhenIdle(Duration.ofSeconds(1), this.inFlight::get);
		assertThat(quietPeriod.resolve()).isEqualTo(Duration.ofSeconds(1));
		this.inFlight.set(3);
		assertThat(quietPeriod.resolve()).isEqualTo(Duration.ofSeconds(1));
		assertThat(quietPeriod.configured()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void configuredZeroIsKept() {
		ReactorQuietPeriod quietPeriod = ReactorQuietPeriod.zeroWhenIdle(Duration.ZERO, this.inFlight::get);
		this.inFlight.set(1);
		assertThat(quietPeriod.resolve()).isEqualTo(Duration.ZERO);
	}

	@Test
	void fixedQuietPeriodIsAlwaysUsed() {
		assertThat(ReactorQuietPeriod.of(Duration.ofMillis(250)).resolve()).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void negativeQuietPeriodIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReactorQuietPeriod.of(Duration.ofMillis(-1)));
	}

}
