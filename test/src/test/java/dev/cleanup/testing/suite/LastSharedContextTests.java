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
 * The second class of the shared context: it gets the very context the first class had,
 * still running, although a class between them closed its own.
 *
 * @author cleanup contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Order(3)
class LastSharedContextTests {

	@Autowired
	private ConfigurableApplicationContext context;

	@LocalServerPort
	private int port;

	@Test
	void sharesTheFirstClassesContext() {
		assertThat(SuiteContexts.first.get()).as("the first class ran first").isNotNull();
		assertThat(this.context).isSameAs(SuiteContexts.first.get());
		assertThat(this.context.isActive()).isTrue();
		assertThat(SuiteContexts.closed.get()).isNotNull().isNotSameAs(this.context);
		assertThat(SuiteContexts.closed.get().isActive()).isFalse();
		assertThat(SuiteContexts.hello(this.context, this.port)).isEqualTo("hello");
	}

}
