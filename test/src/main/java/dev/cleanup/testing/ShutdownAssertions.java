package dev.cleanup.testing;

import java.time.Duration;

import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Entry point of the assertions on a shutdown. {@link #assertThatShutdownOf} closes the
 * context (or waits for the close another thread started) and judges what the shutdown
 * did, from the same facts the shutdown report logs:
 *
 * <pre class="code">
 * assertThatShutdownOf(context).cutNoCalls().forcedNothing().leftNoThreads().tookAtMost(Duration.ofSeconds(5));
 * </pre>
 *
 * A test class whose context a test closes this way need not mark it dirty: the
 * {@link ClosedContextTestExecutionListener} evicts a closed context from Spring's test
 * context cache.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ShutdownAssertions {

	/**
	 * How long to wait for a shutdown that another thread started.
	 */
	static final Duration WAIT_FOR_REPORT = Duration.ofMinutes(2);

	private ShutdownAssertions() {
	}

	/**
	 * Close the context, unless another thread already is, wait for its shutdown to end
	 * and return the assertions on it. Calls in flight go on while it drains: start them
	 * before this call.
	 * @param context an active context with the starter, as
	 * {@code SpringApplication.run}, {@code @SpringBootTest} or an
	 * {@code ApplicationContextRunner} give it
	 * @return the assertions
	 * @throws AssertionError if the context is already closed or has no cleanup shutdown
	 */
	public static ShutdownAssert assertThatShutdownOf(ApplicationContext context) {
		if (!(context instanceof ConfigurableApplicationContext configurable)) {
			throw new AssertionError("Expected a ConfigurableApplicationContext, which can be closed, but got "
					+ context.getClass().getName());
		}
		if (!configurable.isActive()) {
			throw new AssertionError("The context is already closed: pass it to assertThatShutdownOf(context) while "
					+ "it runs, and it closes the context itself and judges the shutdown");
		}
		ShutdownCoordinator coordinator = configurable.getBeanProvider(ShutdownCoordinator.class).getIfAvailable();
		if (coordinator == null) {
			throw new AssertionError("The context has no cleanup shutdown: add cleanup-spring-boot-starter to the "
					+ "application, and do not set cleanup.enabled=false in this test");
		}
		long start = System.nanoTime();
		boolean closedHere = !configurable.isClosed();
		if (closedHere) {
			configurable.close();
		}
		ShutdownReport report = awaitReport(coordinator, WAIT_FOR_REPORT);
		Duration took = closedHere ? Duration.ofNanos(System.nanoTime() - start) : report.duration();
		return new ShutdownAssert(report, took);
	}

	private static ShutdownReport awaitReport(ShutdownCoordinator coordinator, Duration wait) {
		long deadline = System.nanoTime() + wait.toNanos();
		ShutdownReport report = coordinator.report();
		while (report == null) {
			if (System.nanoTime() - deadline > 0) {
				throw new AssertionError("The shutdown wrote no report within " + wait.toSeconds() + " s of the close");
			}
			sleep();
			report = coordinator.report();
		}
		return report;
	}

	private static void sleep() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for the shutdown to end", ex);
		}
	}

}
