package dev.cleanup.lingering;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Main class of a child JVM for {@link ExitWatchdogChildJvmTests}: leaves a user
 * executor's non-daemon thread running forever, as an application that forgot to shut it
 * down, then starts the watchdog the way the starter does after {@code context.close()},
 * or from inside a shutdown hook.
 *
 * @author cleanup contributors
 */
public final class ExitWatchdogChild {

	private static final CountDownLatch never = new CountDownLatch(1);

	private ExitWatchdogChild() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		ExecutorService executor = Executors.newSingleThreadExecutor();
		executor.submit(ExitWatchdogChild::blockForever);
		System.out.println("child: leftover thread started");
		if ("hook".equals(mode)) {
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> System.out.println("child: watchdog started in shutdown hook="
						+ new ExitWatchdog(Duration.ofSeconds(1), true).start()), "child-hook"));
			System.exit(3);
		}
		boolean exit = "exit".equals(mode);
		boolean started = new ExitWatchdog(Duration.ofSeconds(1), exit).start();
		System.out.println("child: watchdog started=" + started);
	}

	static void blockForever() {
		try {
			never.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
