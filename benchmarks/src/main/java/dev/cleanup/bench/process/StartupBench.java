package dev.cleanup.bench.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Startup time of each variant: the JVM uptime at which Boot logs "Started ...", variants
 * interleaved run by run, their order reversed every other run so that a machine getting
 * slower or faster favours neither. Prints one {@code RESULT} line per variant with the
 * median in milliseconds and, for each two variants next to each other on the command
 * line, one with the median of the differences within each run (first minus second): two
 * starts a few seconds apart share the machine's state of the moment, so their difference
 * varies less than either start does.
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
		List<Map.Entry<String, List<String>>> order = new ArrayList<>(variants.variants().entrySet());
		for (int run = 0; run < runs; run++) {
			for (Map.Entry<String, List<String>> variant : (run % 2 == 0) ? order : reversed(order)) {
				try (AppProcess app = AppProcess.start(variant.getValue())) {
					double ms = app.readySeconds() * 1000;
					millis.computeIfAbsent(variant.getKey(), (key) -> new ArrayList<>()).add(ms);
					System.out.printf("startup %s run %d: %.0f ms%n", variant.getKey(), run + 1, ms);
					app.sigtermAndAwaitExit(Duration.ofSeconds(60));
				}
			}
		}
		millis
			.forEach((label, values) -> System.out.printf("RESULT startup label=%s runs=%d median_ms=%.0f all_ms=%s%n",
					label, values.size(), Variants.median(values), Variants.join(values)));
		List<String> labels = new ArrayList<>(millis.keySet());
		for (int i = 0; i + 1 < labels.size(); i++) {
			printDifference(labels.get(i), millis.get(labels.get(i)), labels.get(i + 1), millis.get(labels.get(i + 1)));
		}
	}

	/**
	 * Print the run-by-run differences of two variants (first minus second): their median
	 * with quartiles and 95 % interval, in milliseconds and as a share of the second
	 * variant's start in the same run. The share carries over to machines of another
	 * speed better than milliseconds do.
	 */
	private static void printDifference(String first, List<Double> firstMillis, String second,
			List<Double> secondMillis) {
		int runs = firstMillis.size();
		List<Double> differences = new ArrayList<>();
		List<Double> percents = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			double difference = firstMillis.get(run) - secondMillis.get(run);
			differences.add(difference);
			percents.add(difference * 100 / secondMillis.get(run));
		}
		List<Double> sorted = differences.stream().sorted().toList();
		List<Double> sortedPercents = percents.stream().sorted().toList();
		int k = medianIntervalRank(runs);
		System.out.printf(
				"RESULT startup label=%s-%s runs=%d median_ms=%.0f quartiles_ms=%.0f..%.0f ci95_ms=%.0f..%.0f median_pct=%.1f ci95_pct=%.1f..%.1f all_ms=%s%n",
				first, second, runs, Variants.median(differences), sorted.get(runs / 4), sorted.get((3 * runs) / 4),
				sorted.get(k - 1), sorted.get(runs - k), Variants.median(percents), sortedPercents.get(k - 1),
				sortedPercents.get(runs - k), Variants.join(differences));
	}

	/**
	 * Return the rank k for which the k-th smallest and the k-th largest of n values
	 * bound their median with at least 95 % confidence, whatever their distribution: the
	 * largest k with P(X < k) at most 2.5 % for X ~ Binomial(n, 1/2).
	 * @param n the number of values, at least 6
	 * @return the rank, from 1
	 */
	static int medianIntervalRank(int n) {
		double probability = Math.pow(0.5, n);
		double below = 0;
		int k = 0;
		while (below + probability <= 0.025) {
			below += probability;
			k++;
			probability = probability * (n - k + 1) / k;
		}
		return Math.max(k, 1);
	}

	private static <T> List<T> reversed(List<T> list) {
		List<T> reversed = new ArrayList<>(list);
		Collections.reverse(reversed);
		return reversed;
	}

}
