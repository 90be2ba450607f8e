package dev.cleanup.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Endpoints that call the slow upstream, in the request or in the background.
 *
 * @author cleanup contributors
 */
@RestController
class SampleController {

	private static final Log logger = LogFactory.getLog(SampleController.class);

	private final RestClient restClient;

	private final WebClient webClient;

	private final ExecutorService background;

	private final AtomicInteger completed = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private final RestClient handBuiltRestClient;

	private final ThreadPoolTaskScheduler reminders;

	SampleController(RestClient upstreamRestClient, RestClient handBuiltRestClient, WebClient upstreamWebClient,
			ExecutorService backgroundWork, ThreadPoolTaskScheduler reminderScheduler) {
		this.restClient = upstreamRestClient;
		this.handBuiltRestClient = handBuiltRestClient;
		this.reminders = reminderScheduler;
		this.webClient = upstreamWebClient;
		this.background = backgroundWork;
	}

	/**
	 * Call the upstream with RestClient within the request.
	 * @param delay how long the upstream takes, in milliseconds
	 * @return the upstream's answer
	 */
	@GetMapping("/call/rest")
	String callRest(@RequestParam(defaultValue = "1000") long delay) {
		return this.restClient.get().uri("/delay/{delay}", delay).retrieve().body(String.class);
	}

	/**
	 * Call the upstream with WebClient within the request.
	 * @param delay how long the upstream takes, in milliseconds
	 * @return the upstream's answer
	 */
	@GetMapping("/call/web")
	String callWeb(@RequestParam(defaultValue = "1000") long delay) {
		return this.webClient.get()
			.uri("/delay/{delay}", delay)
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofMinutes(1));
	}

	/**
	 * Start calls in the background and return at once: RestClient calls on an executor
	 * and WebClient calls with {@code subscribe()}.
	 * @param count how many calls of each client
	 * @param delay how long the upstream takes, in milliseconds
	 * @param path the upstream path, {@code delay} or {@code hang}
	 * @param client the RestClient to use: {@code boot} (from Boot's builder) or
	 * {@code hand-built}
	 * @return what was started
	 */
	@GetMapping("/background")
	String background(@RequestParam(defaultValue = "5") int count, @RequestParam(defaultValue = "2000") long delay,
			@RequestParam(defaultValue = "delay") String path, @RequestParam(defaultValue = "boot") String client) {
		String uri = path.equals("hang") ? "/hang?token=secret" : "/delay/" + delay + "?token=secret";
		RestClient restClient = client.equals("hand-built") ? this.handBuiltRestClient : this.restClient;
		for (int i = 0; i < count; i++) {
			this.background.execute(() -> {
				try {
					restClient.get().uri(uri).retrieve().body(String.class);
					done("rest", null);
				}
				catch (RuntimeException ex) {
					done("rest", ex);
				}
			});
			this.webClient.get()
				.uri(uri)
				.retrieve()
				.bodyToMono(String.class)
				.subscribe((body) -> done("web", null), (ex) -> done("web", ex));
		}
		return "started " + count + " RestClient and " + count + " WebClient calls to " + uri + "\n";
	}

	/**
	 * Schedule reminders an hour away and cancel them at once, as code that schedules a
	 * timeout and cancels it when the work finished does: each stays queued, lingering,
	 * until {@code POST /actuator/cleanup} removes it.
	 * @param count how many reminders
	 * @return what was done
	 */
	@GetMapping("/linger")
	String linger(@RequestParam(defaultValue = "3") int count) {
		for (int i = 0; i < count; i++) {
			this.reminders.schedule(() -> logger.info("Reminder"), Instant.now().plus(Duration.ofHours(1)))
				.cancel(false);
		}
		return "scheduled and cancelled " + count + " reminder(s)\n";
	}

	private void done(String client, @Nullable Throwable failure) {
		if (failure == null) {
			logger.info("Background " + client + " call completed (" + this.completed.incrementAndGet()
					+ " completed so far)");
		}
		else {
			logger.warn("Background " + client + " call failed (" + this.failed.incrementAndGet() + " failed so far): "
					+ failure);
		}
	}

}
