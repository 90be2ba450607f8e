package dev.cleanup.bench.process;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each variant has at startup, counted rather than timed: beans (from the
 * {@code beans} actuator endpoint, which the command must expose) and classes loaded by
 * the time Boot logs "Started" (from {@code -Xlog:class+load:stdout}, which the command
 * must pass), with the starter's own share of each. Prints one {@code RESULT} line per
 * variant.
 *
 * @author cleanup contributors
 */
public final class StartupFootprint {

	private static final Pattern BEAN = Pattern.compile("\"scope\":\"");

	/**
	 * The starter's classes and beans: its package, but not the sample's or the bench's.
	 */
	private static final Pattern OWN = Pattern.compile("dev\\.cleanup\\.(?!sample\\.|bench\\.)");

	private static final Pattern OWN_BEAN_TYPE = Pattern.compile("\"type\":\"" + OWN.pattern());

	private StartupFootprint() {
	}

	public static void main(String[] args) throws Exception {
		Variants variants = Variants.parse(args);
		for (Map.Entry<String, List<String>> variant : variants.variants().entrySet()) {
			try (AppProcess app = AppProcess.start(variant.getValue())) {
				String beans = app.get("/actuator/beans").body();
				List<String> classes = classesLoadedBeforeStarted(app.output());
				long ownClasses = classes.stream().filter((line) -> OWN.matcher(line).find()).count();
				System.out.printf("RESULT footprint label=%s beans=%d own_beans=%d classes=%d own_classes=%d%n",
						variant.getKey(), count(BEAN, beans), count(OWN_BEAN_TYPE, beans), classes.size(), ownClasses);
				app.sigtermAndAwaitExit(Duration.ofSeconds(60));
			}
		}
	}

	private static List<String> classesLoadedBeforeStarted(String output) {
		Matcher started = AppProcess.STARTED.matcher(output);
		if (!started.find() || !output.contains("[class,load]")) {
			throw new IllegalStateException("Run the variant with -Xlog:class+load:stdout; output:\n" + output);
		}
		return output.substring(0, started.start()).lines().filter((line) -> line.contains("[class,load]")).toList();
	}

	private static int count(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
