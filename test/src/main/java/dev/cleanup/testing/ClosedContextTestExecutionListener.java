package dev.cleanup.testing;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Evicts from Spring's test context cache a context that a test closed, as
 * {@link ShutdownAssertions#assertThatShutdownOf} does: the next test with the same
 * configuration then gets a new context instead of a closed one, and test classes with
 * other configurations keep theirs. Registered for every test class through
 * {@code META-INF/spring.factories}; it does nothing to a context that is still open.
 * <p>
 * It notes the test's context before the test runs and looks at that instance after it:
 * asking the test context for a closed context would fail.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public class ClosedContextTestExecutionListener implements TestExecutionListener, Ordered {

	private static final String CONTEXT = ClosedContextTestExecutionListener.class.getName() + ".context";

	@Override
	public void beforeTestExecution(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.setAttribute(CONTEXT, testContext.getApplicationContext());
		}
	}

	@Override
	public void afterTestExecution(TestContext testContext) {
		Object context = testContext.removeAttribute(CONTEXT);
		if (context instanceof ConfigurableApplicationContext configurable && !configurable.isActive()) {
			testContext.markApplicationContextDirty(HierarchyMode.CURRENT_LEVEL);
		}
	}

	/**
	 * Last in order, so that after a test it runs first, before any other listener asks
	 * for the context.
	 * @return {@link Ordered#LOWEST_PRECEDENCE}
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
