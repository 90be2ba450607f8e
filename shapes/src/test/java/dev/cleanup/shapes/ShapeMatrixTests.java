package dev.cleanup.shapes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.cleanup.buildsupport.ReadmeBlocks;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape matrix of one Boot line: each shape runs twice, side by side, with the
 * starter and without it (the same class path otherwise), and the run with the starter is
 * never worse on what a user observes: it starts where plain Boot starts, answers the
 * same requests, keeps every pool usable while it runs, completes at least as many
 * background calls in flight at SIGTERM, and exits with the same kind of status (a job
 * that plain Boot leaves running may only end sooner). The table of every run is printed
 * and written to {@code target/shape-matrix.md}.
 *
 * @author cleanup contributors
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShapeMatrixTests {

	/**
	 * How long a job that plain Boot leaves running is given after the starter's run of
	 * it ended, before it counts as never ending.
	 */
	private static final Duration NEVER_ENDS = Duration.ofSeconds(15);

	private static final Path README = Path.of("..", "..", "README.md");

	private static final Pattern STARTER_WARN = Pattern.compile(".* WARN .*(dev\\.cleanup|d\\.c\\.[a-z.]*[A-Z]).*");

	private final List<String> rows = new ArrayList<>();

	private SlowUpstream upstream;

	/**
	 * Return the facts of this test's Boot line.
	 * @return the line
	 */
	abstract BootLine line();

	@BeforeAll
	void startUpstream() {
		this.upstream = SlowUpstream.start();
	}

	@AfterAll
	void writeTable() throws IOException {
		this.upstream.close();
		String table = "| shape | Boot | starter | started | requests answered | calls completed at SIGTERM | exit status |\n"
				+ "|---|---|---|---|---|---|---|\n" + String.join("\n", this.rows) + "\n";
		System.out.println("Shape matrix, Boot " + line().name() + ":\n" + table);
		Files.writeString(Path.of("target", "shape-matrix.md"), table);
	}

	/**
	 * Return the shapes of this line, or only the one {@code -Dshapes.only=NAME} names.
	 * @return the shapes to run
	 */
	Stream<Shape> shapes() {
		String only = System.getProperty("shapes.only", "");
		return line().shapes().stream().filter((shape) -> only.isEmpty() || shape.name().equals(only));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapes")
	void withTheStarterIsNeverWorseThanPlainBoot(Shape shape) throws Exception {
		try (ShapeRun with = ShapeRun.start(shape, line(), true, this.upstream);
				ShapeRun without = ShapeRun.start(shape, line(), false, this.upstream)) {
			try {
				if (shape.kind().saysGoodbye()) {
					compareGoodbyes(with, without);
				}
				else if (shape.kind() == Shape.Kind.JOB) {
					compareJobs(with, without);
				}
				else {
					compareServices(with, without);
				}
			}
			finally {
				with.keepOutput();
				without.keepOutput();
			}
		}
	}

	private void compareServices(ShapeRun with, ShapeRun without) throws Exception {
		// one after the other: each service's upstream calls are counted on their own
		CompletableFuture<Void> plain = CompletableFuture.runAsync(without::serve);
		with.serve();
		plain.join();
		assertThat(without.started()).as("plain Boot starts the shape: %s", without.output()).isTrue();
		assertThat(with.started()).as(with.output()).isTrue();
		assertThat(with.problems()).as(with.output()).isEmpty();
		assertThat(with.answered()).as(with.output()).isGreaterThanOrEqualTo(without.answered());
		assertThat(with.answered()).isEqualTo(with.requests());
		if (line().callsInFlightAtSigterm()) {
			with.sigtermWithCallsInFlight();
			with.awaitExit();
			without.sigtermWithCallsInFlight();
		}
		else {
			with.sigterm();
			without.sigterm();
			with.awaitExit();
		}
		without.awaitExit();
		record(with);
		record(without);
		assertThat(with.backgroundCompleted()).as(with.output()).isGreaterThanOrEqualTo(without.backgroundCompleted());
		if (line().callsInFlightAtSigterm()) {
			assertThat(with.backgroundCompleted()).as(with.output()).isEqualTo(ShapeRun.BACKGROUND_CALLS);
		}
		assertThat(with.exitStatus()).as(with.output()).isNotNull().isEqualTo(without.exitStatus());
		assertThat(with.output()).doesNotContain("NoClassDefFoundError")
			.doesNotContain("Application context failed to start")
			.doesNotContain("Connection pool shut down");
		if (!with.shape().lacks().contains(Library.ACTUATOR)) {
			assertThat(with.endpoint()).as(with.output()).startsWith("200 ").contains("\"state\":\"RUNNING\"");
		}
		if (with.shape() == Shape.MVC_JDK_CLIENT && line().callsInFlightAtSigterm()) {
			// the README's getting started shows this shape's startup line and report
			assertThat(ReadmeBlocks.linesNotShownIn(README, "mvc-startup-line", "Cleanup active:", with.output()))
				.as("README.md's startup line in %s", with.output())
				.isEmpty();
			assertThat(ReadmeBlocks.linesNotShownIn(README, "mvc-shutdown-report", "Cleanup shutdown report",
					with.output()))
				.as("README.md's shutdown report in %s", with.output())
				.isEmpty();
		}
		if (without.output().contains("Step call answered: done /delay/10")) {
			assertThat(with.output()).contains("Step call answered: done /delay/10");
		}
		if (with.shape().kind() == Shape.Kind.SCOPED_SERVICE) {
			// the singleton pool and the shared ones; none of the 1,000 request-scoped
			// ones
			assertThat(participants(with.endpoint())).as(with.endpoint()).isLessThan(10);
		}
	}

	private void compareJobs(ShapeRun with, ShapeRun without) {
		boolean withEnded = with.awaitExit();
		boolean withoutEnded = without.awaitExit(NEVER_ENDS);
		record(with);
		record(without);
		assertThat(with.started()).as(with.output()).isTrue();
		assertThat(withEnded || !withoutEnded).as("ends where plain Boot ends: %s", with.output()).isTrue();
		if (withoutEnded) {
			assertThat(with.exitStatus()).as(with.output()).isEqualTo(without.exitStatus());
		}
		else {
			assertThat(with.exitStatus()).as(with.output()).isZero();
		}
		assertThat(with.output()).contains("Batch context closed").doesNotContain("NoClassDefFoundError");
		if (with.shape() == Shape.NO_HTTP_CLIENT) {
			assertThat(with.output().lines().filter((line) -> STARTER_WARN.matcher(line).matches()))
				.as("the starter's WARN lines")
				.isEmpty();
		}
	}

	/**
	 * Goodbye calls made while the context closes: every one that plain Boot's run
	 * answers, the starter's answers too; once closed, no pool's client thread is alive;
	 * a goodbye call to a stuck upstream is cut within its allowance and named, and the
	 * JVM exits.
	 */
	private void compareGoodbyes(ShapeRun with, ShapeRun without) {
		boolean withEnded = with.awaitExit();
		boolean withoutEnded = without.awaitExit(NEVER_ENDS);
		record(with);
		record(without);
		assertThat(with.started()).as(with.output()).isTrue();
		assertThat(withEnded).as("ends by itself: %s", with.output()).isTrue();
		assertThat(with.exitStatus()).as(with.output()).isZero();
		// every goodbye call that plain Boot answers, the starter's run answers too
		assertThat(with.goodbyesAnswered()).as(with.output()).containsAll(without.goodbyesAnswered());
		assertThat(with.output()).doesNotContain("NoClassDefFoundError").contains("Batch context closed");
		if (with.shape().kind() == Shape.Kind.GOODBYE_STUCK) {
			assertThat(with.output()).contains("after    drain: 1 call(s), 1 cut")
				.containsPattern("http-client-apache GET http://127\\.0\\.0\\.1:\\d+/hang after \\d+ ms");
		}
		else {
			// five places of shutdown work, four clients each, every call tracked; plain
			// Boot answers all but those through a WebClient from a destroy method, once
			// Spring's ReactorResourceFactory disposed its loops at phase 0
			assertThat(without.goodbyeAnswered()).as(without.output()).isGreaterThanOrEqualTo(17);
			assertThat(with.output()).contains("after    drain: 20 call(s), 0 cut");
		}
		assertThat(with.clientThreadsAfterClose()).as(with.output()).isNotNull().isEmpty();
	}

	private static long participants(String endpoint) {
		return Pattern.compile("\"kind\":").matcher(endpoint).results().count();
	}

	private void record(ShapeRun run) {
		Integer status = run.exitStatus();
		String calls = run.shape().kind().endsByItself() ? "-" : line().callsInFlightAtSigterm()
				? run.backgroundCompleted() + " of " + ShapeRun.BACKGROUND_CALLS : "-";
		String requests = run.shape().kind().saysGoodbye() ? run.goodbyeAnswered() + " goodbye calls"
				: run.shape().kind().endsByItself() ? "-" : run.answered() + " of " + run.requests();
		String row = "| " + run.shape().description() + " | " + line().name() + " | "
				+ (run.withStarter() ? "with" : "without") + " | " + (run.started() ? "yes" : "no") + " | " + requests
				+ " | " + calls + " | " + ((status != null) ? status : "still running, killed") + " |";
		this.rows.add(row);
		System.out.println(row);
	}

}
