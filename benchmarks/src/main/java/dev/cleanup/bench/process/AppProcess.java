package dev.cleanup.bench.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cleanup.buildsupport.LoggedProcess;

/**
 * One application started as a child process from a command line, its output in a file;
 * stopped with SIGTERM and timed.
 *
 * @author cleanup contributors
 */
final class AppProcess implements AutoCloseable {

	private static final Pattern PORT = Pattern.compile("(?:Tomcat|Netty) started on port (\\d+)");

	static final Pattern STARTED = Pattern
		.compile("Started \\S+ in [\\d.]+ seconds \\(process running for ([\\d.]+)\\)");

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final LoggedProcess process;

	private int port = -1;

	private double readySeconds;

	private long sigtermNanos;

	private AppProcess(LoggedProcess process) {
		this.process = process;
	}

	/**
	 * Start the command and wait until the application reports it has started.
	 * @param command the command line
	 * @return the running application
	 * @throws Exception if it does not start within 3 minutes
	 */
	static AppProcess start(List<String> command) throws Exception {
		LoggedProcess process = LoggedProcess.start(command, "bench-app");
		AppProcess app = new AppProcess(process);
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline) {
			String text = app.output();
			Matcher started = STARTED.matcher(text);
			if (started.find()) {
				app.readySeconds = Double.parseDouble(started.group(1));
				Matcher port = PORT.matcher(text);
				app.port = port.find() ? Integer.parseInt(port.group(1)) : -1;
				return app;
			}
			if (!process.isAlive()) {
				break;
			}
			Thread.sleep(20);
		}
		String output = app.output();
		app.close();
		throw new IllegalStateException("Did not start: " + command + "\n" + output);
	}

	/**
	 * Return the JVM's uptime when Boot logged that the application started.
	 * @return seconds, as Boot's "process running for" gives them
	 */
	double readySeconds() {
		return this.readySeconds;
	}

	/**
	 * Send a GET request to the application.
	 * @param pathAndQuery the path and query
	 * @return the response
	 * @throws Exception if the request fails
	 */
	HttpResponse<String> get(String pathAndQuery) throws Exception {
		URI uri = URI.create("http://127.0.0.1:" + this.port + pathAndQuery);
		return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
	}

	/**
	 * Send SIGTERM ({@link Process#destroy()} on Linux) and wait for the exit.
	 * @param atMost how long to wait before SIGKILL
	 * @return time from SIGTERM to exit, or {@code null} if it had to be killed
	 * @throws InterruptedException if interrupted
	 */
	Duration sigtermAndAwaitExit(Duration atMost) throws InterruptedException {
		this.sigtermNanos = System.nanoTime();
		this.process.sigterm();
		if (!this.process.awaitExit(atMost)) {
			this.process.kill();
			return null;
		}
		return Duration.ofNanos(System.nanoTime() - this.sigtermNanos);
	}

	/**
	 * Return the output lines containing a text.
	 * @param text the text
	 * @return the lines
	 */
	List<String> lines(String text) {
		return this.process.lines(text);
	}

	/**
	 * Return the time stamp a log line starts with.
	 * @param line the line, for example {@code 2026-01-01T10:00:00.123Z  INFO ...}
	 * @return the instant
	 */
	static Instant timestamp(String line) {
		return OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant();
	}

	String output() {
		return this.process.output();
	}

	@Override
	public void close() {
		this.process.close();
	}

}
