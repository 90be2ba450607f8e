package dev.cleanup.bench.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Startup time of each variant: the JVM uptime at which Boot logs "Started ...",
 * variants interleaved run by run. Prints one {@code RESULT} line per variant with the
 * median in milliseconds.
 *
 * @author cleanup contributors
 */
public final class StartupBench {

	private StartupBench() {
	}

	public static void main(String[] args) throws Exception {
		Variants variants = Variants.parse(args);
		int runs = variants.intOption("runs", 10);
		Map<String, List<Double>> millis = new LinkedHashMap<>();
		for (int run = 0; run < runs; run++) {
			for (Map.Entry<String, List<String>> variant : variants.variants().entrySet()) {
				try (AppProcess app = AppProcess.start(variant.getValue())) {
					double ms = app.readySeconds() * 1000;
					millis.computeIfAbsent(variant.getKey(), (key) -> new ArrayList<>()).add(ms);
					System.out.printf("startup %s run %d: %.0f ms%n", variant.getKey(), run + 1, ms);
					app.sigtermAndAwaitExit(Duration.ofSeconds(60));
				}
			}
		}
		millis.forEach((label, values) -> System.out.printf("RESULT startup label=%s runs=%d median_ms=%.0f all_ms=%s%n",
				label, values.size(), Variants.median(values), Variants.join(values)));
	}

}
