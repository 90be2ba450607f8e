package dev.cleanup.bench.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Many participants in one stage: a non-web application registers participants whose
 * graceful close takes from 0.5 ms up to the slowest one's time, then closes its context.
 * Since a stage closes its participants in parallel, the whole shutdown should take
 * little more than the slowest participant. Prints one {@code RESULT} line with the
 * median ratio of the context's close time to the slowest participant's.
 * <p>
 * Arguments: participants, slowest close in milliseconds, runs, and how long the context
 * runs before it is closed. Right after a start, the JIT compiler threads keep both cores
 * of a small machine busy for a few seconds and every close thread then waits longer to
 * be scheduled; a service that has been up closes without them.
 *
 * @author cleanup contributors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ParticipantScaleBench {

	public static void main(String[] args) throws Exception {
		int participants = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		long slowestMillis = (args.length > 1) ? Long.parseLong(args[1]) : 500;
		int runs = (args.length > 2) ? Integer.parseInt(args[2]) : 5;
		long settleMillis = (args.length > 3) ? Long.parseLong(args[3]) : 0;
		List<Double> ratios = new ArrayList<>();
		List<Double> closeMillis = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(ParticipantScaleBench.class)
				.web(WebApplicationType.NONE)
				.logStartupInfo(false)
				.run("--logging.level.dev.cleanup.ShutdownReport=warn");
			ParticipantRegistry registry = context.getBean(ParticipantRegistry.class);
			for (int i = 1; i <= participants; i++) {
				long micros = slowestMillis * 1000 * i / participants;
				registry.register(Participant.builder("participant-" + i).teardown((deadline) -> {
					Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
					return true;
				}).build());
			}
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			Thread.sleep(settleMillis);
			long start = System.nanoTime();
			context.close();
			double took = (System.nanoTime() - start) / 1e6;
			ShutdownReport report = coordinator.report();
			double slowest = report.results()
				.stream()
				.map(CloseResult::duration)
				.max(Duration::compareTo)
				.orElseThrow()
				.toNanos() / 1e6;
			long graceful = report.results()
				.stream()
				.filter((result) -> result.outcome().name().equals("GRACEFUL"))
				.count();
			closeMillis.add(took);
			ratios.add(took / slowest);
			System.out.printf(
					"scale run %d: %d participants (%d graceful), context closed in %.0f ms (report after "
							+ "%d ms), slowest participant %.0f ms, ratio %.2f%n",
					run + 1, report.results().size(), graceful, took, report.duration().toMillis(), slowest,
					took / slowest);
		}
		System.out.printf(
				"RESULT scale participants=%d slowest_ms=%d runs=%d settle_ms=%d close_median_ms=%.0f ratio_median=%.2f "
						+ "ratio_max=%.2f%n",
				participants, slowestMillis, runs, settleMillis, median(closeMillis), median(ratios),
				ratios.stream().max(Double::compare).orElseThrow());
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

}
