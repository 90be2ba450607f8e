package dev.cleanup.autoconfigure.instrument;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link WeakIdentityMap}.
 *
 * @author cleanup contributors
 */
class WeakIdentityMapTests {

	private final WeakIdentityMap<String> map = new WeakIdentityMap<>();

	@Test
	void equalKeysAreStillTwo() {
		Equal first = new Equal();
		Equal second = new Equal();
		this.map.put(first, "first");
		assertThat(this.map.get(second)).isNull();
		this.map.put(second, "second");
		assertThat(this.map.get(first)).isEqualTo("first");
		assertThat(this.map.remove(second)).isEqualTo("second");
		assertThat(this.map.get(first)).isEqualTo("first");
	}

	@Test
	void aKeysOwnHashCodeAndEqualsAreNeverCalled() {
		Hostile key = new Hostile();
		this.map.put(key, "value");
		assertThat(this.map.get(new Hostile())).isNull();
		assertThat(this.map.get(key)).isEqualTo("value");
		assertThat(this.map.remove(key)).isEqualTo("value");
	}

	@Test
	void aCollectedKeyDropsOut() {
		this.map.put(new Object(), "gone");
		Object kept = new Object();
		this.map.put(kept, "kept");
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			System.gc();
			return this.map.size() == 1;
		});
		assertThat(this.map.get(kept)).isEqualTo("kept");
	}

	static final class Equal {

		@Override
		public boolean equals(Object other) {
			return other instanceof Equal;
		}

		@Override
		public int hashCode() {
			return 1;
		}

	}

	static final class Hostile {

		@Override
		public boolean equals(Object other) {
			throw new IllegalStateException("no equals here");
		}

		@Override
		public int hashCode() {
			throw new IllegalStateException("no hashCode here");
		}

	}

}
