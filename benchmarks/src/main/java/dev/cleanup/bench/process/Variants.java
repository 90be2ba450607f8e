package dev.cleanup.bench.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line arguments of the drivers: options, then one or more variants, each after
 * {@code --} as a label and a command:
 * {@code --runs 10 -- with java -jar a.jar -- without java -jar b.jar}.
 *
 * @param options the options before the first {@code --}, without their dashes
 * @param variants each variant's command by its label, in order
 * @author cleanup contributors
 */
record Variants(Map<String, String> options, Map<String, List<String>> variants) {

	static Variants parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		Map<String, List<String>> variants = new LinkedHashMap<>();
		List<String> current = null;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--")) {
				current = new ArrayList<>();
				variants.put(args[++i], current);
			}
			else if (current != null) {
				current.add(args[i]);
			}
			else if (args[i].startsWith("--")) {
				options.put(args[i].substring(2), args[++i]);
			}
			else {
				throw new IllegalArgumentException("Unexpected argument " + args[i]);
			}
		}
		return new Variants(options, variants);
	}

	int intOption(String name, int defaultValue) {
		String value = this.options.get(name);
		return (value != null) ? Integer.parseInt(value) : defaultValue;
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		if (n == 0) {
			return Double.NaN;
		}
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static String join(List<Double> values) {
		return String.join(",", values.stream().map((value) -> String.valueOf(Math.round(value))).toList());
	}

}
