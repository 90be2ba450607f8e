package dev.cleanup.bench.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's own startup steps, as Boot's {@code BufferingApplicationStartup} records
 * them (the sample records them with {@code -Dsample.startup.steps=true} and serves them
 * at {@code /actuator/startup}): the instantiation of the starter's beans, each without
 * the beans it caused to be created, and the starter's post-processing of other beans
 * ({@code cleanup.beans.post-process}, the bean post-processor's own step), likewise
 * without the beans created inside it. Prints one {@code RESULT} line per run.
 *
 * @author cleanup contributors
 */
public final class StartupSteps {

	private static final String INSTANTIATE = "spring.beans.instantiate";

	private static final String POST_PROCESS = "cleanup.beans.post-process";

	private static final ObjectMapper json = JsonMapper.builder().build();

	private StartupSteps() {
	}

	public static void main(String[] args) throws Exception {
		Variants variants = Variants.parse(args);
		int runs = variants.intOption("runs", 5);
		for (Map.Entry<String, List<String>> variant : variants.variants().entrySet()) {
			List<Double> totals = new ArrayList<>();
			for (int run = 0; run < runs; run++) {
				try (AppProcess app = AppProcess.start(variant.getValue())) {
					JsonNode events = json.readTree(app.get("/actuator/startup").body())
						.path("timeline")
						.path("events");
					Totals steps = totals(events);
					System.out.printf("steps %s run %d: instantiation %.1f ms (%d beans), post-processing %.1f ms%n",
							variant.getKey(), run + 1, steps.instantiateNanos / 1e6, steps.beans,
							steps.postProcessNanos / 1e6);
					totals.add((steps.instantiateNanos + steps.postProcessNanos) / 1e6);
					app.sigtermAndAwaitExit(Duration.ofSeconds(60));
				}
			}
			List<Double> sorted = totals.stream().sorted().toList();
			double median = (sorted.size() % 2 == 1) ? sorted.get(sorted.size() / 2)
					: (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
			System.out.printf("RESULT steps label=%s runs=%d total_median_ms=%.1f total_all_ms=%s%n", variant.getKey(),
					runs, median, String.join(",", totals.stream().map((ms) -> String.format("%.1f", ms)).toList()));
		}
	}

	static Totals totals(JsonNode events) {
		Map<Long, Long> durations = new HashMap<>();
		Map<Long, Long> children = new HashMap<>();
		List<JsonNode> steps = new ArrayList<>();
		for (JsonNode event : events) {
			JsonNode step = event.path("startupStep");
			long nanos = Duration.parse(event.path("duration").asString()).toNanos();
			durations.put(step.path("id").asLong(), nanos);
			if (step.hasNonNull("parentId")) {
				children.merge(step.path("parentId").asLong(), nanos, Long::sum);
			}
			steps.add(event);
		}
		Totals totals = new Totals();
		for (JsonNode event : steps) {
			JsonNode step = event.path("startupStep");
			long id = step.path("id").asLong();
			String name = step.path("name").asString();
			// each without the steps inside it: a bean it caused to be created counts as
			// that bean's instantiation
			long exclusive = Math.max(0, durations.get(id) - children.getOrDefault(id, 0L));
			if (POST_PROCESS.equals(name)) {
				totals.postProcessNanos += exclusive;
			}
			else if (INSTANTIATE.equals(name) && isStarters(step)) {
				totals.instantiateNanos += exclusive;
				totals.beans++;
			}
		}
		return totals;
	}

	private static boolean isStarters(JsonNode step) {
		for (JsonNode tag : step.path("tags")) {
			String key = tag.path("key").asString();
			String value = tag.path("value").asString();
			if ("beanType".equals(key) || "beanName".equals(key)) {
				if ((value.startsWith("dev.cleanup.") || value.startsWith("class dev.cleanup."))
						&& !value.contains("dev.cleanup.sample.") && !value.contains("dev.cleanup.bench.")) {
					return true;
				}
				if ("beanName".equals(key) && value.startsWith("cleanup")) {
					return true;
				}
			}
		}
		return false;
	}

	static final class Totals {

		long instantiateNanos;

		long postProcessNanos;

		int beans;

	}

}
