package dev.cleanup.compat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cleanup.compat.service.ServiceApplication;
import dev.cleanup.buildsupport.SlowUpstream;

import static org.awaitility.Awaitility.await;

/**
 * The service application's background calls, in flight when SIGTERM arrives: how many of
 * them complete, with the starter and without it.
 *
 * @author cleanup contributors
 */
final class BackgroundCalls {

	/**
	 * Calls of each client, so twice as many in all.
	 */
	static final int PER_CLIENT = 5;

	/**
	 * Upstream time of each call: longer than plain Boot's own shutdown takes even on a
	 * slow machine (about 2.4 s, Reactor Netty's quiet period), so that whether a call
	 * completes does not hang on the machine's speed; shorter than the starter's default
	 * drain of 10 s.
	 */
	private static final String DELAY = "/delay/6000";

	private static final AtomicInteger runs = new AtomicInteger();

	private BackgroundCalls() {
	}

	/**
	 * Run the service, SIGTERM it once every call reached the upstream, and count.
	 * @param withStarter whether the starter is on the class path
	 * @param args further application arguments
	 * @return what happened
	 * @throws Exception if the run fails
	 */
	static Run run(boolean withStarter, String... args) throws Exception {
		try (SlowUpstream upstream = SlowUpstream.start()) {
			String[] all = new String[args.length + 5];
			all[0] = "--compat.upstream=" + upstream.uri(DELAY);
			all[1] = "--compat.calls=" + PER_CLIENT;
			all[2] = "--server.port=0";
			all[3] = "--server.address=127.0.0.1";
			all[4] = "--management.endpoints.web.exposure.include=cleanup";
			System.arraycopy(args, 0, all, 5, args.length);
			try (ChildApplication app = withStarter ? ChildApplication.withStarter(ServiceApplication.class, all)
					: ChildApplication.withoutStarter(ServiceApplication.class, all)) {
				await().atMost(Duration.ofSeconds(90))
					.pollInterval(Duration.ofMillis(50))
					.until(() -> upstream.active() == 2 * PER_CLIENT || !app.isAlive());
				String endpoint = withStarter ? endpoint(app) : "";
				app.sigterm();
				Duration exit = app.awaitExit(Duration.ofSeconds(60));
				Run run = new Run(app.lines("Background rest call completed").size(),
						app.lines("Background web call completed").size(), exit, app.output(), endpoint);
				keep(run, withStarter);
				System.out.printf(
						"Boot %s, %s the starter: %d of %d rest and %d of %d web calls completed, "
								+ "exit %d ms after SIGTERM%n",
						System.getProperty("compatibility.line"), withStarter ? "with" : "without", run.rest(),
						PER_CLIENT, run.web(), PER_CLIENT, exit.toMillis());
				return run;
			}
		}
	}

	/**
	 * Read {@code /actuator/cleanup} of the running application, on the port it logged.
	 */
	private static String endpoint(ChildApplication app) throws Exception {
		Matcher port = Pattern.compile("started on port (\\d+)").matcher(app.output());
		if (!port.find()) {
			return "(no port logged)";
		}
		URI uri = URI.create("http://127.0.0.1:" + port.group(1) + "/actuator/cleanup");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
		return response.statusCode() + " " + response.body();
	}

	/**
	 * Keep the application's output under {@code target/}, to read after a failure.
	 */
	private static void keep(Run run, boolean withStarter) throws IOException {
		Path file = Path.of("target", "background-calls-" + (withStarter ? "with" : "without") + "-starter-"
				+ runs.incrementAndGet() + ".log");
		Files.writeString(file, run.output());
	}

	/**
	 * What happened in one run.
	 *
	 * @param rest rest calls completed
	 * @param web web calls completed
	 * @param exit time from SIGTERM to exit
	 * @param output the application's output
	 * @param endpoint the status and body of {@code /actuator/cleanup} while the calls
	 * were in flight (with the starter only)
	 */
	record Run(int rest, int web, Duration exit, String output, String endpoint) {

		int completed() {
			return this.rest + this.web;
		}

		long count(String text) {
			return this.output.lines().filter((line) -> line.contains(text)).count();
		}

	}

}
