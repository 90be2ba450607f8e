package dev.cleanup.autoconfigure;

import dev.cleanup.lingering.LingeringCensus;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.core.Stage;
import dev.cleanup.lingering.ClientThreadCensus.LeakedThread;
import dev.cleanup.lingering.ClientThreadCensus;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The report stage: the timeout tasks still queued and the client threads still alive
 * after their own pool closed are named in the shutdown report, and a thread counts as
 * leaked only once its own pool has closed.
 *
 * @author cleanup contributors
 */
class ShutdownReportLeftoversTests {

	private final SlowUpstream upstream = SlowUpstream.start();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(ClientAutoConfigurations.with());

	@AfterEach
	void stop() {
		this.upstream.close();
	}

	@Test
	void reactorPoolClosedInTheCloseStageDoesNotMakeTheGlobalLoopsLeaked() {
		this.contextRunner.withUserConfiguration(PrivateProviderConfiguration.class).run((context) -> {
			String body = context.getBean(WebClient.Builder.class)
				.build()
				.get()
				.uri(this.upstream.uri("/delay/10"))
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(10));
			assertThat(body).isEqualTo("done /delay/10");
			assertThat(globalLoopThreads()).isNotEmpty();
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			ClientThreadCensus census = context.getBean(LingeringCensus.class).threads();
			assertThat(coordinator.close(Stage.CLOSE)).extracting((result) -> result.name()).contains("provider");
			// the global loops belong to reactor-http, which closes in the dispose stage
			assertThat(census.leakedThreads().threads()).extracting(LeakedThread::name)
				.noneMatch((name) -> name.startsWith("reactor-http-"));
			assertThat(coordinator.close(Stage.DISPOSE)).extracting((result) -> result.name()).contains("reactor-http");
			await().atMost(Duration.ofSeconds(10)).until(() -> globalLoopThreads().isEmpty());
		});
	}

	@Test
	void lingeringTaskAndLeakedThreadAreNamedInTheReport() {
		this.contextRunner.withUserConfiguration(LeftoversConfiguration.class).run((context) -> {
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			QueuedThreadPool threads = context.getBean(QueuedThreadPool.class);
			try {
				context.close();
				ShutdownReport report = coordinator.report();
				assertThat(report).isNotNull();
				ShutdownReport.Leftovers leftovers = report.leftovers();
				assertThat(leftovers.lingeringTasks()).isEqualTo(1);
				assertThat(leftovers.listedTasks()).singleElement()
					.asString()
					.startsWith("forgottenScheduler: ")
					.contains("still queued while the context is closing");
				assertThat(leftovers.leakedThreads()).isNotEmpty()
					.allSatisfy((thread) -> assertThat(thread).startsWith(threads.getName() + "-")
						.contains("of jettyClient"));
				assertThat(report.format()).contains("  lingering 1 timeout task(s)")
					.contains("  threads  ")
					.contains("client thread(s) alive after their pool closed");
			}
			finally {
				threads.stop();
			}
		});
	}

	private static List<String> globalLoopThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.map(Thread::getName)
			.filter((name) -> name.startsWith("reactor-http-"))
			.toList();
	}

	@Configuration(proxyBeanMethods = false)
	static class PrivateProviderConfiguration {

		@Bean
		ConnectionProvider provider() {
			return ConnectionProvider.create("report-test", 2);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LeftoversConfiguration {

		/**
		 * A user scheduler nobody shuts down, with a job due in an hour.
		 */
		@Bean(destroyMethod = "")
		ScheduledThreadPoolExecutor forgottenScheduler() {
			ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
			scheduler.schedule(() -> {
			}, 1, TimeUnit.HOURS);
			return scheduler;
		}

		/**
		 * A thread pool the client was given already started, so that stopping the client
		 * leaves it running; named as Jetty names a client's own.
		 */
		@Bean(destroyMethod = "")
		QueuedThreadPool clientThreads(HttpClient jettyClient) {
			return (QueuedThreadPool) jettyClient.getExecutor();
		}

		@Bean
		HttpClient jettyClient() throws Exception {
			HttpClient client = new HttpClient();
			QueuedThreadPool threads = new QueuedThreadPool(4, 2);
			threads.setName("HttpClient@" + Integer.toHexString(client.hashCode()));
			threads.start();
			client.setExecutor(threads);
			client.start();
			return client;
		}

	}

}
