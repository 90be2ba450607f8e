package dev.cleanup.shapes;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.env.Environment;

/**
 * Background work as many services have it: calls made on an executor Spring does not
 * know of, to {@code shape.upstream} plus {@code shape.background-path}, as many as
 * {@code shape.background-calls} says (none by default), started when a test asks
 * ({@code GET /background}). Each logs how it ended, so that a test counts the calls that
 * completed after SIGTERM.
 *
 * @author cleanup contributors
 */
public final class BackgroundCalls {

	private static final Log logger = LogFactory.getLog(BackgroundCalls.class);

	private BackgroundCalls() {
	}

	/**
	 * Start the background calls the environment asks for.
	 * @param environment the application's environment
	 * @param call makes one call to the given URI and returns its body
	 */
	public static void start(Environment environment, Function<String, String> call) {
		int count = environment.getProperty("shape.background-calls", Integer.class, 0);
		if (count == 0) {
			return;
		}
		String uri = environment.getRequiredProperty("shape.upstream")
				+ environment.getProperty("shape.background-path", "/delay/3000");
		ExecutorService background = Executors.newCachedThreadPool();
		for (int i = 0; i < count; i++) {
			background.submit(() -> run(() -> call.apply(uri)));
		}
		background.shutdown();
		logger.info("Background calls started: " + count);
	}

	private static void run(Supplier<String> call) {
		try {
			call.get();
			logger.info("Background call completed");
		}
		catch (RuntimeException ex) {
			logger.info("Background call failed: " + ex);
		}
	}

}
