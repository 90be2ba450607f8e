package dev.cleanup.autoconfigure.clients;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.sun.management.HotSpotDiagnosticMXBean;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;
import org.springframework.http.client.reactive.JettyClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates and closes, in one JVM, application contexts that hold a client of every stack
 * (built by hand as beans and from Boot's builders, whose factory changes from one
 * context to the next) and make a call through each, as DevTools restarts and test suites
 * do. Each context is started with {@link SpringApplicationBuilder}, so the starter's
 * environment post-processor runs each time too. It prints, after some warm-up contexts
 * and after the last one, the live threads and the heap used after GC, then how many of
 * the closed contexts were collected.
 *
 * @author cleanup contributors
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ContextChurnApplication {

	static final int WARM_UP = 5;

	/**
	 * Each context's exit watchdog looks this long after its close, while a later context
	 * runs, except after the last one; Netty's global executor ends its thread after 1 s
	 * without work.
	 */
	static final Duration WATCHDOG_GRACE = Duration.ofSeconds(2);

	private static final String[] FACTORIES = { "http-components", "jetty", "jdk", "reactor" };

	public static void main(String[] args) throws Exception {
		String upstream = args[0];
		int contexts = Integer.parseInt(args[1]);
		List<String> contextArgs = new ArrayList<>(
				List.of("--upstream=" + upstream, "--cleanup.watchdog.grace=" + WATCHDOG_GRACE.toMillis() + "ms",
						"--spring.jmx.enabled=false", "--logging.level.root=warn"));
		contextArgs.addAll(List.of(args).subList(2, args.length));
		List<WeakReference<ConfigurableApplicationContext>> closed = new ArrayList<>();
		Figures warm = null;
		long start = System.nanoTime();
		for (int i = 0; i < WARM_UP + contexts; i++) {
			if (i == WARM_UP) {
				warm = Figures.settled(Integer.MAX_VALUE);
				start = System.nanoTime();
			}
			String factory = FACTORIES[i % FACTORIES.length];
			ConfigurableApplicationContext context = new SpringApplicationBuilder(ContextChurnApplication.class)
				.web(WebApplicationType.NONE)
				.logStartupInfo(false)
				.run(withFactory(contextArgs, factory));
			context.close();
			if (i >= WARM_UP) {
				closed.add(new WeakReference<>(context));
			}
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		Figures after = Figures.settled(warm.threads().size());
		int collected = collected(closed);
		System.out.printf("Context churn: %d contexts in %d ms (%d ms each)%n", contexts, millis, millis / contexts);
		System.out.printf("Context churn: live threads %d after %d warm-up contexts, %d after %d more%n",
				warm.threads().size(), WARM_UP, after.threads().size(), contexts);
		Set<String> added = new TreeSet<>(after.threads());
		added.removeAll(warm.threads());
		System.out.printf("Context churn: %d threads alive after but not after the warm-up, the first: %s%n",
				added.size(), added.stream().limit(12).toList());
		System.out.printf("Context churn: heap used after GC %d MB after the warm-up, %d MB after%n",
				warm.heapMegabytes(), after.heapMegabytes());
		System.out.printf("Context churn: %d of %d closed contexts collected%n", collected, closed.size());
		if (collected < closed.size()) {
			// for finding what holds them: the paths from the GC roots to the contexts
			Path dump = Path.of("target", "context-churn.hprof").toAbsolutePath();
			Files.deleteIfExists(dump);
			ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
			System.out.println("Context churn: heap dumped to " + dump);
		}
		// the last context's exit watchdog looks once its grace is over
		Thread.sleep(WATCHDOG_GRACE.toMillis() + 1000);
		System.out.println("Context churn: done");
	}

	private static String[] withFactory(List<String> args, String factory) {
		List<String> all = new ArrayList<>(args);
		all.add("--spring.http.clients.imperative.factory=" + factory);
		all.add("--spring.http.clients.reactive.connector=" + factory);
		return all.toArray(String[]::new);
	}

	private static int collected(List<WeakReference<ConfigurableApplicationContext>> closed)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		int collected;
		do {
			System.gc();
			collected = (int) closed.stream().filter((reference) -> reference.get() == null).count();
			if (collected == closed.size()) {
				break;
			}
			Thread.sleep(100);
		}
		while (System.nanoTime() < deadline);
		return collected;
	}

	@Bean
	RestClient bootBuiltRestClient(RestClient.Builder builder) {
		return builder.build();
	}

	@Bean
	WebClient bootBuiltWebClient(WebClient.Builder builder) {
		return builder.build();
	}

	@Bean
	RestClient apacheRestClient() {
		return RestClient.builder().requestFactory(new HttpComponentsClientHttpRequestFactory()).build();
	}

	@Bean
	RestTemplate jettyRestTemplate() {
		return new RestTemplate(new JettyClientHttpRequestFactory());
	}

	@Bean
	RestClient jdkRestClient() {
		return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).build();
	}

	@Bean
	WebClient reactorWebClient() {
		return WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.create("churn", 4))))
			.build();
	}

	@Bean
	WebClient jettyWebClient() {
		return WebClient.builder().clientConnector(new JettyClientHttpConnector()).build();
	}

	@Bean
	ApplicationRunner callThroughEveryClient(@Value("${upstream}") URI upstream, List<RestClient> restClients,
			RestTemplate jettyRestTemplate, List<WebClient> webClients) {
		return (arguments) -> {
			for (RestClient client : restClients) {
				client.get().uri(upstream).retrieve().toBodilessEntity();
			}
			jettyRestTemplate.getForEntity(upstream, String.class);
			for (WebClient client : webClients) {
				client.get().uri(upstream).retrieve().toBodilessEntity().block();
			}
		};
	}

	/**
	 * The live threads and the heap used after GC.
	 */
	record Figures(Set<String> threads, long heapMegabytes) {

		/**
		 * Wait, for 30 s at most, until no more than the given number of threads are
		 * alive and that number held for a second (a closed context's threads stop
		 * shortly after it), then measure.
		 */
		static Figures settled(int threads) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			int last = -1;
			int steady = 0;
			while (System.nanoTime() < deadline && steady < 10) {
				int now = liveThreads().size();
				steady = (now <= threads && now == last) ? steady + 1 : 0;
				last = now;
				// a JDK client's threads on Java 17 end once the client is collected
				System.gc();
				Thread.sleep(100);
			}
			System.gc();
			return new Figures(liveThreads(),
					ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
		}

		private static Set<String> liveThreads() {
			// the JVM's compiler threads, which come and go, are not listed
			return Thread.getAllStackTraces()
				.keySet()
				.stream()
				.map((thread) -> thread.getName() + "#" + thread.getId())
				.collect(Collectors.toCollection(TreeSet::new));
		}

	}

}
