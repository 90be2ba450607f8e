package dev.cleanup.lingering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Watches for non-daemon threads that keep the JVM alive after the application context
 * was closed, for example a Jetty client's threads or a user executor nobody shut down.
 * Started after a plain {@code context.close()}, it waits {@code grace} on a daemon
 * thread; if non-daemon threads are still alive then, it logs each at WARN with its stack
 * and a hint at its owner and, when told to exit, calls {@code System.exit} (status 0
 * after a normal close, 1 after a failed startup). It never starts inside a JVM shutdown:
 * the JVM is exiting already, and {@code System.exit} from there would block forever. It
 * stands down while another application context with the starter runs in the JVM (a
 * restart, a test suite): the threads alive then are that context's.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public final class ExitWatchdog {

	/**
	 * The most threads reported.
	 */
	static final int MAX_THREADS = 50;

	/**
	 * The most stack frames reported per thread.
	 */
	static final int MAX_FRAMES = 40;

	static final String THREAD_NAME = "cleanup-exit-watchdog";

	private static final Log defaultLogger = LogFactory.getLog(ExitWatchdog.class);

	private final Duration grace;

	private final boolean exit;

	private final Sleeper sleeper;

	private final IntConsumer systemExit;

	private final int exitStatus;

	private final Log logger;

	private final IntSupplier otherApplicationsRunning;

	private final AtomicBoolean started = new AtomicBoolean();

	/**
	 * The number of the watchdog started last in this JVM: only that one reports, since
	 * the threads of a context closed later are that context's watchdog's to judge.
	 */
	private static final AtomicLong lastStarted = new AtomicLong();

	private volatile long number;

	/**
	 * Create a watchdog.
	 * @param grace how long to wait after the context closed before reporting
	 * @param exit whether to end the JVM, after reporting them, while threads are still
	 * alive then
	 */
	public ExitWatchdog(Duration grace, boolean exit) {
		this(grace, exit, 0);
	}

	/**
	 * Create a watchdog that ends the JVM with a given status.
	 * @param grace how long to wait after the context closed before reporting
	 * @param exit whether to end the JVM, after reporting them, while threads are still
	 * alive then
	 * @param exitStatus the status it ends the JVM with: {@code 0} after a normal close,
	 * non-zero after a failed startup
	 */
	public ExitWatchdog(Duration grace, boolean exit, int exitStatus) {
		this(grace, exit, exitStatus, () -> 0);
	}

	/**
	 * Create a watchdog that ends the JVM with a given status and stands down while other
	 * applications run in the JVM.
	 * @param grace how long to wait after the context closed before reporting
	 * @param exit whether to end the JVM, after reporting them, while threads are still
	 * alive then
	 * @param exitStatus the status it ends the JVM with: {@code 0} after a normal close,
	 * non-zero after a failed startup
	 * @param otherApplicationsRunning how many other application contexts run in the JVM
	 * when the watchdog looks (a restart, a test suite): their threads are not left over,
	 * so it then reports nothing
	 */
	public ExitWatchdog(Duration grace, boolean exit, int exitStatus, IntSupplier otherApplicationsRunning) {
		this(grace, exit, exitStatus, (duration) -> Thread.sleep(duration.toMillis()), System::exit, defaultLogger,
				otherApplicationsRunning);
	}

	ExitWatchdog(Duration grace, boolean exit, Sleeper sleeper, IntConsumer systemExit, Log logger) {
		this(grace, exit, 0, sleeper, systemExit, logger, () -> 0);
	}

	ExitWatchdog(Duration grace, boolean exit, int exitStatus, Sleeper sleeper, IntConsumer systemExit, Log logger,
			IntSupplier otherApplicationsRunning) {
		if (grace.isNegative()) {
			throw new IllegalArgumentException("Grace must not be negative");
		}
		this.grace = grace;
		this.exit = exit;
		this.exitStatus = exitStatus;
		this.sleeper = sleeper;
		this.systemExit = systemExit;
		this.logger = logger;
		this.otherApplicationsRunning = otherApplicationsRunning;
	}

	/**
	 * Start watching, once the context has closed. Does nothing inside a JVM shutdown or
	 * when already started.
	 * @return {@code true} if the watchdog started
	 */
	public boolean start() {
		if (isShutdownInProgress()) {
			this.logger.debug("JVM shutdown in progress: exit watchdog not started");
			return false;
		}
		if (!this.started.compareAndSet(false, true)) {
			return false;
		}
		this.number = lastStarted.incrementAndGet();
		Thread thread = new Thread(this::watch, THREAD_NAME);
		thread.setDaemon(true);
		thread.start();
		return true;
	}

	private void watch() {
		try {
			this.sleeper.sleep(this.grace);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		try {
			check();
		}
		catch (RuntimeException ex) {
			this.logger.warn("Exit watchdog failed", ex);
		}
	}

	/**
	 * Report the threads that keep the JVM alive and, when told to exit, end it.
	 * @return the threads found
	 */
	List<Thread> check() {
		if (this.number != 0 && this.number != lastStarted.get()) {
			this.logger.debug("Exit watchdog stands down: a context closed later has its own");
			return List.of();
		}
		int running = this.otherApplicationsRunning.getAsInt();
		if (running > 0) {
			// the application runs on in another context (a restart, a test suite): its
			// threads are not left over
			this.logger.debug("Exit watchdog stands down: " + running + " other application context(s) running");
			return List.of();
		}
		List<Thread> threads = leftoverThreads();
		if (threads.isEmpty()) {
			return threads;
		}
		int reported = 0;
		for (Thread thread : threads) {
			if (reported++ == MAX_THREADS) {
				this.logger.warn((threads.size() - MAX_THREADS) + " more non-daemon thread(s) not shown");
				break;
			}
			this.logger.warn(describe(thread));
		}
		if (this.exit) {
			if (isShutdownInProgress()) {
				// someone else is ending the JVM already; System.exit would block here
				return threads;
			}
			this.logger.warn(threads.size() + " non-daemon thread(s) are still alive " + this.grace.toMillis()
					+ " ms after the application context closed: calling System.exit(" + this.exitStatus + ")");
			this.systemExit.accept(this.exitStatus);
		}
		else {
			this.logger.warn(threads.size() + " non-daemon thread(s) are still alive " + this.grace.toMillis()
					+ " ms after the application context closed and keep the JVM from exiting; stop their owners,"
					+ " or set cleanup.watchdog.action=exit");
		}
		return threads;
	}

	/**
	 * Return the live non-daemon threads other than {@code main}, {@code DestroyJavaVM}
	 * and the calling thread.
	 * @return the threads
	 */
	static List<Thread> leftoverThreads() {
		List<Thread> leftover = new ArrayList<>();
		Thread current = Thread.currentThread();
		for (Thread thread : LiveThreads.all()) {
			String name = thread.getName();
			if (thread != current && thread.isAlive() && !thread.isDaemon() && !"main".equals(name)
					&& !"DestroyJavaVM".equals(name)) {
				leftover.add(thread);
			}
		}
		return leftover;
	}

	private String describe(Thread thread) {
		StringBuilder message = new StringBuilder();
		message.append("Non-daemon thread '")
			.append(thread.getName())
			.append("' (")
			.append(thread.getState())
			.append(", owner: ")
			.append(LiveThreads.ownerHint(thread.getName()))
			.append(") is still alive ")
			.append(this.grace.toMillis())
			.append(" ms after the application context closed");
		StackTraceElement[] stack = thread.getStackTrace();
		for (int i = 0; i < Math.min(stack.length, MAX_FRAMES); i++) {
			message.append(System.lineSeparator()).append("\tat ").append(stack[i]);
		}
		if (stack.length > MAX_FRAMES) {
			message.append(System.lineSeparator()).append("\t... ").append(stack.length - MAX_FRAMES).append(" more");
		}
		return message.toString();
	}

	/**
	 * Whether the JVM is shutting down. There is no public query, and the closing thread
	 * cannot be recognized reliably (a shutdown hook is any thread, named as its creator
	 * likes). {@link Runtime#addShutdownHook} however rejects every new hook with an
	 * {@link IllegalStateException} once shutdown has begun (the JDK checks its hook
	 * registry, closed before hooks run), so registering a probe hook that is never
	 * started, and removing it at once, tells.
	 * @return {@code true} once the JVM has begun its shutdown sequence
	 */
	public static boolean isShutdownInProgress() {
		Thread probe = new Thread(() -> {
		}, "cleanup-shutdown-probe");
		try {
			Runtime.getRuntime().addShutdownHook(probe);
		}
		catch (IllegalStateException ex) {
			return true;
		}
		try {
			Runtime.getRuntime().removeShutdownHook(probe);
		}
		catch (IllegalStateException ex) {
			// shutdown began between the two calls: the probe may run as a hook, doing
			// nothing
			return true;
		}
		return false;
	}

	/**
	 * Waits, in tests without sleeping.
	 */
	@FunctionalInterface
	interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;

	}

}
