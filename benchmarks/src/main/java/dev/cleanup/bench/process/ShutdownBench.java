package dev.cleanup.bench.process;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shutdown of each variant with calls in flight at SIGTERM: starts
 * {@code /background?count=&delay=} calls, sends SIGTERM a second later and measures the
 * exit, how many calls completed, and how long after the last completed call the process
 * was gone. Variants are interleaved run by run. Prints one {@code RESULT} line per
 * variant.
 *
 * @author cleanup contributors
 */
public final class ShutdownBench {

	private static final Pattern STARTED = Pattern.compile("started (\\d+) RestClient and (\\d+) WebClient");

	private ShutdownBench() {
	}

	public static void main(String[] args) throws Exception {
		Variants variants = Variants.parse(args);
		int count = variants.intOption("count", 0);
		int delay = variants.intOption("delay", 3000);
		int runs = variants.intOption("runs", 3);
		int sigtermAfter = variants.intOption("sigterm-after", 1000);
		Map<String, Totals> totals = new LinkedHashMap<>();
		for (int run = 0; run < runs; run++) {
			for (Map.Entry<String, List<String>> variant : variants.variants().entrySet()) {
				Totals total = totals.computeIfAbsent(variant.getKey(), (key) -> new Totals());
				try (AppProcess app = AppProcess.start(variant.getValue())) {
					runOnce(app, variant.getKey(), run, count, delay, sigtermAfter, total);
				}
			}
		}
		totals.forEach((label, total) -> System.out.printf(
				"RESULT shutdown label=%s runs=%d started=%d completed=%d lost=%d exit_median_ms=%.0f exit_all_ms=%s "
						+ "after_last_call_median_ms=%s after_last_call_all_ms=%s killed=%d%n",
				label, runs, total.started, total.completed, total.started - total.completed,
				Variants.median(total.exitMillis), Variants.join(total.exitMillis),
				total.afterLastMillis.isEmpty() ? "-" : String.format("%.0f", Variants.median(total.afterLastMillis)),
				total.afterLastMillis.isEmpty() ? "-" : Variants.join(total.afterLastMillis), total.killed));
	}

	private static void runOnce(AppProcess app, String label, int run, int count, int delay, int sigtermAfter,
			Totals total) throws Exception {
		// first calls initialize the clients; 404 where the app has no RestClient
		// endpoint
		app.get("/call/web?delay=0");
		app.get("/call/rest?delay=0");
		int started = 0;
		if (count > 0) {
			HttpResponse<String> response = app.get("/background?count=" + count + "&delay=" + delay);
			Matcher matcher = STARTED.matcher(response.body());
			if (response.statusCode() != 200 || !matcher.find()) {
				throw new IllegalStateException("Unexpected answer " + response.statusCode() + ": " + response.body());
			}
			started = Integer.parseInt(matcher.group(1)) + Integer.parseInt(matcher.group(2));
		}
		Thread.sleep(sigtermAfter);
		Duration exit = app.sigtermAndAwaitExit(Duration.ofSeconds(120));
		Instant exitedAt = Instant.now();
		List<String> completed = app.lines("call completed (");
		total.started += started;
		total.completed += completed.size();
		if (exit == null) {
			total.killed++;
			System.out.printf("shutdown %s run %d: still running 120 s after SIGTERM, killed%n", label, run + 1);
			return;
		}
		total.exitMillis.add(exit.toNanos() / 1e6);
		String afterLast = "-";
		if (started > 0 && completed.size() == started) {
			Instant lastCall = completed.stream().map(AppProcess::timestamp).max(Instant::compareTo).orElseThrow();
			double millis = Duration.between(lastCall, exitedAt).toNanos() / 1e6;
			total.afterLastMillis.add(millis);
			afterLast = String.format("%.0f ms", millis);
		}
		System.out.printf(
				"shutdown %s run %d: %d/%d calls completed, %d failed, exit %d ms after SIGTERM, %s after "
						+ "the last call%n",
				label, run + 1, completed.size(), started, app.lines("call failed (").size(), exit.toMillis(),
				afterLast);
	}

	private static final class Totals {

		private final List<Double> exitMillis = new ArrayList<>();

		private final List<Double> afterLastMillis = new ArrayList<>();

		private int started;

		private int completed;

		private int killed;

	}

}
