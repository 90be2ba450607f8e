package dev.cleanup.testing.suite;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.cleanup.testing.ShutdownAssertions.assertThatShutdownOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the service's shutdown, which closes this class's context: Spring's test context
 * cache then evicts it (the second test gets a new one), and the other classes keep
 * theirs. A context configuration of its own ({@code properties}), so that closing it
 * does not close theirs.
 *
 * @author cleanup contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cleanup.drain.timeout=5s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class ShutdownTests {

	@Autowired
	private ConfigurableApplicationContext context;

	@LocalServerPort
	private int port;

	@Test
	@Order(1)
	void shutsDownCleanlyAndInTime() {
		assertThat(SuiteContexts.hello(this.context, this.port)).isEqualTo("hello");
		SuiteContexts.closed.set(this.context);
		assertThatShutdownOf(this.context).isClean().tookAtMost(Duration.ofSeconds(10));
	}

	@Test
	@Order(2)
	void theClosedContextWasEvictedAndANewOneServes() {
		assertThat(this.context).isNotSameAs(SuiteContexts.closed.get());
		assertThat(this.context.isActive()).isTrue();
		assertThat(SuiteContexts.hello(this.context, this.port)).isEqualTo("hello");
	}

}
