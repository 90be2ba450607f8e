package dev.cleanup.testing.suite;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first of two test classes that share one cached context.
 *
 * @author cleanup contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Order(1)
class FirstSharedContextTests {

	@Autowired
	private ConfigurableApplicationContext context;

	@LocalServerPort
	private int port;

	@Test
	void servesWhileItRuns() {
		assertThat(SuiteContexts.hello(this.context, this.port)).isEqualTo("hello");
		SuiteContexts.first.set(this.context);
	}

}
