package dev.cleanup.sample;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cleanup.buildsupport.LoggedProcess;

import static org.awaitility.Awaitility.await;

/**
 * The packaged sample application running as a child JVM, with its output in a file.
 * Stopped with SIGTERM ({@link Process#destroy()} on Linux), as a platform stops it.
 *
 * @author cleanup contributors
 */
final class SampleAppProcess implements AutoCloseable {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private final LoggedProcess process;

	private final int port;

	private long sigtermNanos;

	private SampleAppProcess(LoggedProcess process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Start the sample jar on a free port and wait until it serves requests.
	 * @param args extra application arguments
	 * @return the running application
	 * @throws IOException if it cannot be started
	 */
	static SampleAppProcess start(String... args) throws IOException {
		return start(List.of(), args);
	}

	/**
	 * Start the sample jar on a free port, with JVM options, and wait until it serves
	 * requests.
	 * @param jvmOptions options for the JVM, such as {@code -Dspring.aot.enabled=true}
	 * @param args extra application arguments
	 * @return the running application
	 * @throws IOException if it cannot be started
	 */
	static SampleAppProcess start(List<String> jvmOptions, String... args) throws IOException {
		String jar = System.getProperty("sample.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("System property 'sample.jar' must name the packaged sample jar: " + jar);
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
						"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar, "--server.port=0", "--server.address=127.0.0.1"));
		command.addAll(List.of(args));
		LoggedProcess process = LoggedProcess.start(command, "sample-app");
		try {
			int port = await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> findPort(process), (found) -> found > 0);
			return new SampleAppProcess(process, port);
		}
		catch (RuntimeException ex) {
			String output = process.output();
			process.close();
			throw new IllegalStateException("Sample app did not start:\n" + output, ex);
		}
	}

	private static int findPort(LoggedProcess process) {
		String text = process.output();
		if (!process.isAlive()) {
			throw new IllegalStateException("Sample app exited with " + process.exitCode());
		}
		Matcher matcher = PORT.matcher(text);
		return (matcher.find() && text.contains("Started SampleApplication")) ? Integer.parseInt(matcher.group(1)) : -1;
	}

	/**
	 * Return a URI of the application.
	 * @param pathAndQuery for example {@code /call/rest?delay=100}
	 * @return the URI on 127.0.0.1
	 */
	URI uri(String pathAndQuery) {
		return URI.create("http://127.0.0.1:" + this.port + pathAndQuery);
	}

	/**
	 * Send SIGTERM and remember when.
	 */
	void sigterm() {
		this.sigtermNanos = System.nanoTime();
		this.process.sigterm();
	}

	/**
	 * Wait for the process to exit after {@link #sigterm()}.
	 * @param atMost how long to wait
	 * @return the time from SIGTERM to exit
	 * @throws InterruptedException if interrupted
	 */
	Duration awaitExit(Duration atMost) throws InterruptedException {
		if (!this.process.awaitExit(atMost)) {
			throw new AssertionError("Sample app still running " + atMost + " after SIGTERM:\n" + output());
		}
		return Duration.ofNanos(System.nanoTime() - this.sigtermNanos);
	}

	/**
	 * Return the exit code; the process must have exited.
	 * @return the exit code
	 */
	int exitCode() {
		return this.process.exitCode();
	}

	/**
	 * Return everything the application printed so far.
	 * @return the output
	 */
	String output() {
		return this.process.output();
	}

	/**
	 * Return the lines of the output that contain the given text.
	 * @param text the text
	 * @return the matching lines
	 */
	List<String> lines(String text) {
		return this.process.lines(text);
	}

	@Override
	public void close() {
		this.process.close();
	}

}
