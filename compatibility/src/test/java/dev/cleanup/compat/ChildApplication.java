package dev.cleanup.compat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.cleanup.buildsupport.ChildJvm;
import dev.cleanup.buildsupport.LoggedProcess;
import dev.cleanup.buildsupport.StarterEntries;

/**
 * One of the compatibility applications in a child JVM, with the starter on its class
 * path or without it, so that the same application can be run both ways.
 *
 * @author cleanup contributors
 */
final class ChildApplication implements AutoCloseable {

	private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

	private final LoggedProcess process;

	private long sigtermNanos;

	private ChildApplication(LoggedProcess process) {
		this.process = process;
	}

	/**
	 * Start an application with the starter on its class path.
	 * @param mainClass the application's main class
	 * @param args its arguments
	 * @return the running application
	 * @throws IOException if it cannot be started
	 */
	static ChildApplication withStarter(Class<?> mainClass, String... args) throws IOException {
		return new ChildApplication(ChildJvm.start(JAVA, System.getProperty("java.class.path"), mainClass, args));
	}

	/**
	 * Start an application without the starter: the test class path without the entry
	 * that holds the starter's code.
	 * @param mainClass the application's main class
	 * @param args its arguments
	 * @return the running application
	 * @throws IOException if it cannot be started
	 */
	static ChildApplication withoutStarter(Class<?> mainClass, String... args) throws IOException {
		List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
		List<String> kept = entries.stream().filter((entry) -> !StarterEntries.holdsStarter(Path.of(entry))).toList();
		if (kept.size() != entries.size() - 1) {
			throw new IllegalStateException(
					"Expected one class path entry with " + StarterEntries.starterClass() + " in " + entries);
		}
		return new ChildApplication(
				ChildJvm.start(JAVA, kept.stream().collect(Collectors.joining(File.pathSeparator)), mainClass, args));
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	void sigterm() {
		this.sigtermNanos = System.nanoTime();
		this.process.sigterm();
	}

	/**
	 * Wait for the application to exit.
	 * @param atMost how long to wait
	 * @return the time since {@link #sigterm()}, if it was sent
	 * @throws InterruptedException if interrupted
	 */
	Duration awaitExit(Duration atMost) throws InterruptedException {
		if (!this.process.awaitExit(atMost)) {
			throw new AssertionError("Application still running after " + atMost + ":\n" + output());
		}
		return Duration.ofNanos(System.nanoTime() - this.sigtermNanos);
	}

	boolean exitsWithin(Duration atMost) throws InterruptedException {
		return this.process.awaitExit(atMost);
	}

	int exitCode() {
		return this.process.exitCode();
	}

	String output() {
		return this.process.output();
	}

	List<String> lines(String text) {
		return this.process.lines(text);
	}

	@Override
	public void close() {
		this.process.close();
	}

}
