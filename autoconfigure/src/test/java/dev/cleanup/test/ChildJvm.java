package dev.cleanup.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class from the test class path, for claims about process
 * exit. Output goes to a file so the child can never block on a full pipe.
 *
 * @author cleanup contributors
 */
public final class ChildJvm implements AutoCloseable {

	private final Process process;

	private final Path output;

	private ChildJvm(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/**
	 * Start a main class from the test class path with the current JVM's {@code java}.
	 * @param mainClass the main class
	 * @param args its arguments
	 * @return the running child
	 * @throws IOException if it cannot be started
	 */
	public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
		return start(Path.of(System.getProperty("java.home"), "bin", "java"), mainClass, args);
	}

	/**
	 * Start a main class from the test class path with the given {@code java} executable.
	 * @param java the {@code java} executable, for example one {@link Jdks} found
	 * @param mainClass the main class
	 * @param args its arguments
	 * @return the running child
	 * @throws IOException if it cannot be started
	 */
	public static ChildJvm start(Path java, Class<?> mainClass, String... args) throws IOException {
		return start(java, System.getProperty("java.class.path"), mainClass, args);
	}

	/**
	 * Start a main class from the given class path with the given {@code java}
	 * executable.
	 * @param java the {@code java} executable
	 * @param classPath the class path
	 * @param mainClass the main class
	 * @param args its arguments
	 * @return the running child
	 * @throws IOException if it cannot be started
	 */
	public static ChildJvm start(Path java, String classPath, Class<?> mainClass, String... args)
			throws IOException {
		// Boot's logback base.xml also writes a file: keep it out of the shared temp dir
		List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx160m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-DLOG_FILE=" + Path.of("target", "child-jvm.log").toAbsolutePath(), "-cp",
				classPath, mainClass.getName()));
		command.addAll(List.of(args));
		Path output = Files.createTempFile("child-jvm-", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		return new ChildJvm(process, output);
	}

	/**
	 * Wait for the child to exit by itself.
	 * @param timeout how long to wait
	 * @return whether it exited in time
	 * @throws InterruptedException if interrupted
	 */
	public boolean awaitExit(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Return the exit code; the child must have exited.
	 * @return the exit code
	 */
	public int exitCode() {
		return this.process.exitValue();
	}

	/**
	 * Whether the child still runs.
	 * @return {@code true} while alive
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Return the process id.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Return everything the child printed so far.
	 * @return the output
	 */
	public String output() {
		try {
			return Files.readString(this.output);
		}
		catch (IOException ex) {
			return "(output unreadable: " + ex + ")";
		}
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
			Files.deleteIfExists(this.output);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// a temporary file left behind is harmless
		}
	}

}
