package dev.cleanup.buildsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output (standard output and error) goes to a file, so that it can
 * never block on a full pipe and can be read at any time. Closing it kills the process
 * and deletes the file.
 *
 * @author cleanup contributors
 */
public final class LoggedProcess implements AutoCloseable {

	private final Process process;

	private final Path output;

	private LoggedProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/**
	 * Start a command.
	 * @param command the command line
	 * @param name a name for the output file
	 * @return the running process
	 * @throws IOException if it cannot be started
	 */
	public static LoggedProcess start(List<String> command, String name) throws IOException {
		Path output = Files.createTempFile(name + "-", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		return new LoggedProcess(process, output);
	}

	/**
	 * Return the process id.
	 * @return the pid
	 */
	public long pid() {
		return this.process.pid();
	}

	/**
	 * Whether the process still runs.
	 * @return {@code true} while alive
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Send SIGTERM ({@link Process#destroy()} on Linux), as a platform stops a service.
	 */
	public void sigterm() {
		this.process.destroy();
	}

	/**
	 * Wait for the process to exit.
	 * @param timeout how long to wait
	 * @return whether it exited in time
	 * @throws InterruptedException if interrupted
	 */
	public boolean awaitExit(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Return the exit code; the process must have exited.
	 * @return the exit code
	 */
	public int exitCode() {
		return this.process.exitValue();
	}

	/**
	 * Return everything the process printed so far.
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

	/**
	 * Return the lines of the output that contain a text.
	 * @param text the text
	 * @return the matching lines
	 */
	public List<String> lines(String text) {
		return output().lines().filter((line) -> line.contains(text)).toList();
	}

	/**
	 * Kill the process (SIGKILL) and wait up to 10 s for it to end. Its output stays
	 * readable.
	 */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		kill();
		try {
			Files.deleteIfExists(this.output);
		}
		catch (IOException ex) {
			// a temporary file left behind is harmless
		}
	}

}
