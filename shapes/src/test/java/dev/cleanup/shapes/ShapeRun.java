package dev.cleanup.shapes;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.cleanup.buildsupport.ChildJvm;
import dev.cleanup.buildsupport.LoggedProcess;
import dev.cleanup.buildsupport.SlowUpstream;

import static org.awaitility.Awaitility.await;

/**
 * One run of a shape in a child JVM, with the starter or without it, and what a user
 * observes of it: whether it started, how many requests it answered, how many background
 * calls in flight at SIGTERM completed, and how it exited.
 *
 * @author cleanup contributors
 */
final class ShapeRun implements AutoCloseable {

	/**
	 * Background calls in flight at SIGTERM, each answered after
	 * {@link #BACKGROUND_PATH}: longer than plain Boot takes to stop, shorter than the
	 * starter's default drain.
	 */
	static final int BACKGROUND_CALLS = 4;

	private static final String BACKGROUND_PATH = "/delay/3000";

	/**
	 * Requests a scoped service answers at {@code /request}, each making a request-scoped
	 * client on a pool of its own.
	 */
	static final int SCOPED_REQUESTS = 1000;

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

	private final Shape shape;

	private final boolean withStarter;

	private final SlowUpstream upstream;

	private final LoggedProcess process;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final List<String> problems = new ArrayList<>();

	private boolean started;

	private int requests;

	private int answered;

	private String endpoint = "";

	private ShapeRun(Shape shape, boolean withStarter, SlowUpstream upstream, LoggedProcess process, int port) {
		this.shape = shape;
		this.withStarter = withStarter;
		this.upstream = upstream;
		this.process = process;
		this.port = port;
	}

	/**
	 * Start a shape.
	 * @param shape the shape
	 * @param line the Boot line's facts
	 * @param withStarter whether the starter is on the class path
	 * @param upstream the upstream its clients call
	 * @return the running shape
	 * @throws IOException if it cannot be started
	 */
	static ShapeRun start(Shape shape, BootLine line, boolean withStarter, SlowUpstream upstream) throws IOException {
		int port = freePort();
		List<String> args = new ArrayList<>(List.of("--shape.upstream=" + upstream.uri(""),
				"--shape.background-calls=" + BACKGROUND_CALLS, "--shape.background-path=" + BACKGROUND_PATH,
				"--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
				"--management.endpoints.web.exposure.include=cleanup,refresh"));
		args.addAll(shape.requestFactoryArguments(line.requestFactoryProperty()));
		if (shape.kind().saysGoodbye()) {
			args.add("--spring.main.web-application-type=none");
		}
		if (shape.kind() == Shape.Kind.GOODBYE_STUCK) {
			args.addAll(List.of("--shape.goodbye-path=/hang", "--shape.goodbye-clients=boot-rest-client",
					"--shape.goodbye-from=@PreDestroy"));
		}
		LoggedProcess process = ChildJvm.start(Path.of(System.getProperty("java.home"), "bin", "java"),
				ShapeClassPath.of(shape.lacks(), withStarter), shape.mainClass(), args.toArray(String[]::new));
		return new ShapeRun(shape, withStarter, upstream, process, port);
	}

	/**
	 * Wait until the service answers, then send it the requests of its kind.
	 */
	void serve() {
		try {
			await().atMost(START_TIMEOUT)
				.pollInterval(Duration.ofMillis(200))
				.ignoreExceptions()
				.until(() -> !this.process.isAlive() || get("/call").statusCode() == 200);
		}
		catch (RuntimeException ex) {
			this.problems.add("did not answer within " + START_TIMEOUT + ": " + ex);
			return;
		}
		if (!this.process.isAlive()) {
			return;
		}
		this.started = true;
		expect("/call", "done /delay/10");
		if (this.shape.kind() == Shape.Kind.SCOPED_SERVICE) {
			for (int i = 0; i < SCOPED_REQUESTS; i++) {
				expect("/request", "done /delay/0");
			}
			for (int i = 0; i < 10; i++) {
				expect("/session", "items 1");
				expect("/session/end", "ended");
			}
			expect("/greeting", "hello");
			expectStatus(post("/actuator/refresh"), 200, "/actuator/refresh");
			expect("/greeting", "hello");
		}
		// every pool still usable afterwards
		for (int i = 0; i < 3; i++) {
			expect("/call", "done /delay/10");
		}
		if (this.withStarter && !this.shape.lacks().contains(Library.ACTUATOR)) {
			HttpResponse<String> response = get("/actuator/cleanup");
			this.endpoint = response.statusCode() + " " + response.body();
		}
	}

	/**
	 * Start the background calls, wait until the upstream has them all, and send SIGTERM.
	 */
	void sigtermWithCallsInFlight() {
		expect("/background", "started");
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.upstream.active() >= BACKGROUND_CALLS || !this.process.isAlive()
					|| !lines("Background call failed").isEmpty());
		this.process.sigterm();
	}

	void sigterm() {
		this.process.sigterm();
	}

	/**
	 * Wait for the process to exit.
	 * @param atMost how long to wait
	 * @return whether it exited
	 */
	boolean awaitExit(Duration atMost) {
		try {
			return this.process.awaitExit(atMost);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	boolean awaitExit() {
		return awaitExit(EXIT_TIMEOUT);
	}

	Shape shape() {
		return this.shape;
	}

	boolean withStarter() {
		return this.withStarter;
	}

	boolean started() {
		return this.started || this.shape.kind() == Shape.Kind.JOB && output().contains("Batch call answered")
				|| this.shape.kind().saysGoodbye() && output().contains("Goodbye application started");
	}

	/**
	 * Return how many goodbye calls were answered.
	 * @return the number of answered goodbye calls
	 */
	int goodbyeAnswered() {
		return goodbyesAnswered().size();
	}

	/**
	 * Return the goodbye calls that were answered, each as where it came from and the
	 * client it went through.
	 * @return the answered goodbye calls
	 */
	Set<String> goodbyesAnswered() {
		return output().lines()
			.filter((line) -> line.startsWith("Goodbye call from") && line.contains(": answered done"))
			.map((line) -> line.substring(0, line.indexOf(": answered")))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * Return the client threads the application found alive once its context closed,
	 * without the JDK client's on Java 17, which cannot be closed there.
	 * @return the names, or {@code null} if it did not say
	 */
	List<String> clientThreadsAfterClose() {
		List<String> said = lines("Client threads alive after close:");
		if (said.isEmpty()) {
			return null;
		}
		String line = said.get(0);
		String names = line.substring(line.indexOf('[') + 1, line.lastIndexOf(']'));
		boolean java17 = Runtime.version().feature() < 21;
		return List.of(names.split(", "))
			.stream()
			.filter((name) -> !name.isEmpty())
			.filter((name) -> !(java17 && name.matches("HttpClient-\\d+-.*")))
			.toList();
	}

	int requests() {
		return this.requests;
	}

	int answered() {
		return this.answered;
	}

	int backgroundCompleted() {
		return this.process.lines("Background call completed").size();
	}

	/**
	 * Return the exit status, or {@code null} while the process runs.
	 * @return the exit status
	 */
	Integer exitStatus() {
		return this.process.isAlive() ? null : this.process.exitCode();
	}

	String endpoint() {
		return this.endpoint;
	}

	List<String> problems() {
		return this.problems;
	}

	String output() {
		return this.process.output();
	}

	List<String> lines(String text) {
		return this.process.lines(text);
	}

	/**
	 * Keep the output under {@code target/}, to read after a failure.
	 * @throws IOException if it cannot be written
	 */
	void keepOutput() throws IOException {
		Files.writeString(Path.of("target", "shape-" + this.shape.name().toLowerCase() + "-"
				+ (this.withStarter ? "with" : "without") + "-starter.log"), output());
	}

	private void expect(String path, String body) {
		this.requests++;
		HttpResponse<String> response = get(path);
		if (response.statusCode() == 200 && body.equals(response.body())) {
			this.answered++;
		}
		else if (this.problems.size() < 5) {
			this.problems.add(path + " answered " + response.statusCode() + " " + response.body());
		}
	}

	private void expectStatus(HttpResponse<String> response, int status, String path) {
		this.requests++;
		if (response.statusCode() == status) {
			this.answered++;
		}
		else {
			this.problems.add(path + " answered " + response.statusCode() + " " + response.body());
		}
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private HttpResponse<String> post(String path) {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		this.process.close();
	}

}
