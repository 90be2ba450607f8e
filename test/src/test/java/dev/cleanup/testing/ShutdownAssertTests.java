package dev.cleanup.testing;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.cleanup.autoconfigure.CleanupAutoConfiguration;
import dev.cleanup.core.Deadline;
import dev.cleanup.core.Kind;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.PoolUsage;
import dev.cleanup.core.Teardown;
import dev.cleanup.buildsupport.SlowUpstream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

import static dev.cleanup.testing.ShutdownAssertions.assertThatShutdownOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Each assertion passes on a clean shutdown and fails, with the message
 * {@code docs/testing.md} shows, on a shutdown with that defect, in real contexts.
 *
 * @author cleanup contributors
 */
class ShutdownAssertTests {

	private static final ApplicationContextRunner starter = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class, CleanupAutoConfiguration.class))
		.withPropertyValues("cleanup.drain.timeout=300ms", "cleanup.close.timeout=300ms",
				"cleanup.dispose.timeout=300ms", "cleanup.watchdog.enabled=false");

	private static final ApplicationContextRunner withRestClient = starter
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class))
		.withPropertyValues("spring.http.clients.imperative.factory=reactor");

	private final SlowUpstream upstream = SlowUpstream.start();

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.release.countDown();
		this.upstream.close();
	}

	@Test
	void aCleanShutdownPassesEveryAssertion() {
		withRestClient.run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).build();
			client.get().uri(this.upstream.uri("/delay/10")).retrieve().toBodilessEntity();
			assertThatShutdownOf(context).cutNoCalls()
				.forcedNothing()
				.timedOutNothing()
				.failedNothing()
				.verifiedEveryClose()
				.leftNoLingeringTasks()
				.leftNoThreads()
				.tookAtMost(Duration.ofSeconds(10))
				.isClean();
		});
	}

	@Test
	void cutNoCallsFailsOnACallTheShutdownCut() {
		withRestClient.withPropertyValues("cleanup.drain.timeout=200ms").run((context) -> {
			RestClient client = context.getBean(RestClient.Builder.class).build();
			CompletableFuture.runAsync(
					() -> client.get().uri(this.upstream.uri("/hang?token=secret")).retrieve().toBodilessEntity());
			await().atMost(Duration.ofSeconds(10)).until(() -> this.upstream.active() == 1);
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatShutdownOf(context).cutNoCalls())
				.satisfies(DocumentedMessages::assertShownInDocs)
				.withMessageContaining("Expected the shutdown to cut no outbound call, but it cut 1:")
				.withMessageMatching("(?s).*  \\S+ GET http://127\\.0\\.0\\.1:\\d+/hang\\?token=\\S+ after \\d+ ms: .*")
				.withMessageNotContaining("secret")
				.withMessageContaining("cleanup.drain.timeout");
		});
	}

	@Test
	void forcedNothingFailsOnAPoolClosedByForce() {
		registered("busy", new Teardown() {

			@Override
			public boolean closeGracefully(Deadline deadline) {
				return true;
			}

			@Override
			public boolean closeForcibly() {
				return true;
			}

			@Override
			public PoolUsage usage() {
				return PoolUsage.inUse(1);
			}

		}).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThatShutdownOf(context).timedOutNothing().forcedNothing())
				.satisfies(DocumentedMessages::assertShownInDocs)
				.withMessageContaining("Expected no participant that was closed by force, but 1 did:")
				.withMessageContaining("Participant 'busy' (custom) in stage close: forced after")
				.withMessageContaining("cleanup.resources.<name>.timeout");
		});
	}

	@Test
	void timedOutNothingFailsOnACloseThatHangs() {
		registered("hanging", new Teardown() {

			@Override
			public boolean closeGracefully(Deadline deadline) throws Exception {
				ShutdownAssertTests.this.release.await();
				return true;
			}

			@Override
			public boolean closeForcibly() throws Exception {
				ShutdownAssertTests.this.release.await();
				return true;
			}

		}).run((context) -> assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatShutdownOf(context).forcedNothing().timedOutNothing())
			.satisfies(DocumentedMessages::assertShownInDocs)
			.withMessageContaining("Expected no participant that timed out, but 1 did:")
			.withMessageContaining("Participant 'hanging' (custom) in stage close: timed-out after")
			.withMessageContaining("closeGracefully by its deadline"));
	}

	@Test
	void failedNothingFailsOnACloseThatThrows() {
		registered("broken", (deadline) -> {
			throw new IllegalStateException("disk full");
		}).run((context) -> assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatShutdownOf(context).failedNothing())
			.satisfies(DocumentedMessages::assertShownInDocs)
			.withMessageContaining("Expected no participant that failed, but 1 did:")
			.withMessageContaining("Participant 'broken' (custom) in stage close: failed after")
			.withMessageContaining("disk full"));
	}

	@Test
	void verifiedEveryCloseFailsOnAPoolWhoseUseCouldNotBeSeen() {
		registered("blind", Teardown.of(() -> {
		})).withPropertyValues("test.kind=JDK_HTTPCLIENT")
			.run((context) -> assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThatShutdownOf(context).forcedNothing().verifiedEveryClose())
				.satisfies(DocumentedMessages::assertShownInDocs)
				.withMessageContaining("Expected no participant that closed unverified, but 1 did:")
				.withMessageContaining("Participant 'blind' (jdk-httpclient) in stage close: unverified after")
				.withMessageContaining("CleanupClients.adopt"));
	}

	@Test
	void leftNoLingeringTasksFailsOnATimeoutLeftInAScheduler() {
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
		try {
			scheduler.schedule(() -> {
			}, 1, TimeUnit.HOURS);
			starter
				.withBean("reminders", ScheduledThreadPoolExecutor.class, () -> scheduler,
						(definition) -> definition.setDestroyMethodName(""))
				.run((context) -> assertThatExceptionOfType(AssertionError.class)
					.isThrownBy(() -> assertThatShutdownOf(context).cutNoCalls().leftNoLingeringTasks())
					.satisfies(DocumentedMessages::assertShownInDocs)
					.withMessageContaining("Expected no timeout task to linger after the shutdown, but 1 did:")
					.withMessageContaining("reminders")
					.withMessageContaining("Cancel a timeout once its work has ended"));
		}
		finally {
			scheduler.shutdownNow();
		}
	}

	@Test
	void leftNoThreadsFailsOnAClientThreadThatOutlivesItsPool() {
		Thread leaky = new Thread(() -> {
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "leaky-client-selector");
		leaky.setDaemon(true);
		leaky.start();
		registered("leaky", (deadline) -> true).withPropertyValues("test.threads=leaky-client-")
			.run((context) -> assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThatShutdownOf(context).leftNoLingeringTasks().leftNoThreads())
				.satisfies(DocumentedMessages::assertShownInDocs)
				.withMessageContaining("Expected no client thread to outlive its pool, but 1 did:")
				.withMessageContaining("leaky-client-selector")
				.withMessageContaining("hand it over with CleanupClients.adopt"));
	}

	@Test
	void tookAtMostFailsOnASlowShutdown() {
		registered("slow", (deadline) -> {
			Thread.sleep(250);
			return true;
		}).run((context) -> assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThatShutdownOf(context).isClean().tookAtMost(Duration.ofMillis(100)))
			.satisfies(DocumentedMessages::assertShownInDocs)
			.withMessageMatching("(?s)Expected the shutdown to take at most 100 ms, but it took \\d+ ms.*")
			.withMessageContaining("Cleanup shutdown report")
			.withMessageContaining("cleanup.drain.timeout"));
	}

	@Test
	void aClosedContextIsRefusedWithWhatToDoInstead() {
		starter.run((context) -> {
			context.close();
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThatShutdownOf(context))
				.satisfies(DocumentedMessages::assertShownInDocs)
				.withMessageContaining("The context is already closed: pass it to assertThatShutdownOf(context)");
		});
	}

	@Test
	void aContextWithoutTheStarterIsRefusedWithWhatToDoInstead() {
		starter.withPropertyValues("cleanup.enabled=false")
			.run((context) -> assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThatShutdownOf(context))
				.satisfies(DocumentedMessages::assertShownInDocs)
				.withMessageContaining("add cleanup-spring-boot-starter"));
	}

	/**
	 * A context with the starter and one participant of the application's own.
	 */
	private static ApplicationContextRunner registered(String name, Teardown teardown) {
		return starter.withUserConfiguration(Registered.class).withBean(name, Teardown.class, () -> teardown);
	}

	/**
	 * Registers each {@link Teardown} bean as a participant of its own name, as an
	 * application registers its own resources (kind and threads from {@code test.*}).
	 */
	@Configuration(proxyBeanMethods = false)
	static class Registered {

		@Bean
		Object registeredTeardowns(ParticipantRegistry registry, ListableBeanFactory beanFactory,
				Environment environment) {
			Kind kind = Kind.valueOf(environment.getProperty("test.kind", "CUSTOM"));
			String threads = environment.getProperty("test.threads");
			beanFactory.getBeansOfType(Teardown.class).forEach((name, teardown) -> {
				Participant.Builder builder = Participant.builder(name).kind(kind).teardown(teardown);
				if (threads != null) {
					builder.threads((thread) -> thread.getName().startsWith(threads));
				}
				registry.register(builder.build());
			});
			return new Object();
		}

	}

}
