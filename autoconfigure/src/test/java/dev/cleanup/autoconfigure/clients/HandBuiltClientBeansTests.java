package dev.cleanup.autoconfigure.clients;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.cleanup.autoconfigure.CleanupClients;
import dev.cleanup.core.CloseResult;
import dev.cleanup.core.ShutdownReport.CutCall;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import dev.cleanup.tracking.InFlightCalls;
import dev.cleanup.tracking.TrackingClientHttpRequestFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.JettyClientHttpRequestFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Client beans built by hand, as much real code builds them, and builder beans the
 * application defines: their calls are tracked under the bean's name on the pool they
 * were given, the pools are participants named after the beans and closed gracefully once
 * the calls in flight at shutdown completed, a stuck call is named as cut, no second pool
 * is created, and a client already tracked is not tracked twice.
 *
 * @author cleanup contributors
 */
class HandBuiltClientBeansTests {

	private static final SlowUpstream upstream = SlowUpstream.start();

	private final ExecutorService background = Executors.newCachedThreadPool();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(ClientAutoConfigurations.with())
		.withUserConfiguration(HandBuiltClients.class);

	@AfterEach
	void stop() {
		this.background.shutdownNow();
	}

	@Test
	void backgroundCallsOfEveryHandBuiltClientCompleteAndTheirPoolsCloseGracefully() {
		this.contextRunner.run((context) -> {
			List<CompletableFuture<String>> calls = startCalls(context, "/delay/1500");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> context.getBean(InFlightCalls.class).inFlightCount() == calls.size());
			assertThat(context.getBean(InFlightCalls.class).snapshot()).extracting((call) -> call.client().name())
				.containsExactlyInAnyOrder("apacheRestClient", "jettyRestTemplate", "jdkRestClient", "reactor-http",
						"proxyHttpClient");
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			context.close();
			assertThat(calls).allSatisfy((call) -> assertThat(call).isCompletedWithValue("done /delay/1500"));
			ShutdownReport report = coordinator.report();
			assertThat(report).isNotNull();
			assertThat(report.cutCalls()).isEmpty();
			assertThat(report.results())
				.filteredOn((result) -> List
					.of("apacheRestClient", "jettyRestTemplate", "jdkRestClient", "reactor-http", "proxyHttpClient")
					.contains(result.name()))
				.hasSize(5)
				.extracting(CloseResult::outcome)
				.containsOnly(Outcome.GRACEFUL);
		});
	}

	@Test
	void callsToAStuckUpstreamAreNamedAsCut() {
		this.contextRunner
			.withPropertyValues("cleanup.drain.timeout=500ms", "cleanup.close.timeout=500ms",
					"cleanup.dispose.timeout=500ms")
			.run((context) -> {
				List<CompletableFuture<String>> calls = startCalls(context, "/hang?token=secret");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> context.getBean(InFlightCalls.class).inFlightCount() == calls.size());
				ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
				context.close();
				ShutdownReport report = coordinator.report();
				assertThat(report).isNotNull();
				assertThat(report.cutCalls()).extracting(CutCall::client)
					.containsExactlyInAnyOrder("apacheRestClient", "jettyRestTemplate", "jdkRestClient", "reactor-http",
							"proxyHttpClient");
				assertThat(report.cutCalls()).extracting(CutCall::uri)
					.allSatisfy((uri) -> assertThat(uri).endsWith("/hang?token=******"));
			});
	}

	@Test
	void noSecondPoolIsCreatedAndTheBeanInjectedElsewhereIsTheTrackedOne() {
		this.contextRunner.run((context) -> {
			HandBuiltClients clients = context.getBean(HandBuiltClients.class);
			RestClient tracked = context.getBean("jdkRestClient", RestClient.class);
			// the client the other bean was given is the tracked one
			assertThat(context.getBean(ClientUser.class).client).isSameAs(tracked);
			// built on the very factory it was given: the tracking wrapper holds it
			assertThat(requestFactoryOf(tracked)).isInstanceOfSatisfying(TrackingClientHttpRequestFactory.class,
					(factory) -> assertThat(factory.getDelegate()).isSameAs(clients.jdkFactory));
			assertThat(participants(context))
				.filteredOn((participant) -> participant.name().startsWith("jdkRestClient"))
				.hasSize(1);
		});
	}

	@Test
	void clientBuiltFromBootsBuilderIsNotTrackedTwice() {
		this.contextRunner.withUserConfiguration(BootBuiltClient.class).run((context) -> {
			RestClient client = context.getBean("bootBuiltRestClient", RestClient.class);
			Object factory = requestFactoryOf(client);
			assertThat(factory).isInstanceOf(TrackingClientHttpRequestFactory.class);
			assertThat(((TrackingClientHttpRequestFactory) factory).getDelegate())
				.isNotInstanceOf(TrackingClientHttpRequestFactory.class);
			assertThat(participants(context)).extracting(Participant::name).doesNotContain("bootBuiltRestClient");
		});
	}

	@Test
	void clientBeanInACircularReferenceIsTrackedOnceAndTheSameEverywhere() {
		new ApplicationContextRunner().withConfiguration(ClientAutoConfigurations.with())
			.withAllowCircularReferences(true)
			.withBean(CircularTemplate.class)
			.withBean(TemplateUser.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				CircularTemplate template = context.getBean(CircularTemplate.class);
				assertThat(context.getBean(TemplateUser.class).template).isSameAs(template);
				assertThat(template.user).isSameAs(context.getBean(TemplateUser.class));
				assertThat(template.getRequestFactory()).isInstanceOfSatisfying(TrackingClientHttpRequestFactory.class,
						(factory) -> assertThat(factory.getDelegate())
							.isNotInstanceOf(TrackingClientHttpRequestFactory.class));
			});
	}

	@Test
	void separateConnectionManagerBeanHoldsTheDrainAndClosesAfterItsClient() {
		new ApplicationContextRunner().withConfiguration(ClientAutoConfigurations.with())
			.withUserConfiguration(SharedManagerClient.class)
			.run((context) -> {
				CloseableHttpClient client = context.getBean(CloseableHttpClient.class);
				// calls made on the Apache client directly are not tracked: the manager's
				// leased connection is all that shows them
				CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
					try {
						return client.execute(
								new org.apache.hc.client5.http.classic.methods.HttpGet(upstream.uri("/delay/1500")),
								(response) -> "status " + response.getCode());
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}, this.background);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> context.getBean(PoolingHttpClientConnectionManager.class)
						.getTotalStats()
						.getLeased() == 1);
				ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
				context.close();
				assertThat(call).isCompletedWithValue("status 200");
				ShutdownReport report = coordinator.report();
				assertThat(report).isNotNull();
				assertThat(report.results()).filteredOn((result) -> result.name().startsWith("shared"))
					.extracting(CloseResult::name, (result) -> result.stage().configName(), CloseResult::outcome)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("sharedClient", "close", Outcome.GRACEFUL),
							org.assertj.core.groups.Tuple.tuple("sharedManager", "dispose", Outcome.GRACEFUL));
			});
	}

	@Test
	void clientTheStarterCannotSeeIsNeverReportedAsNothingInFlight() {
		this.contextRunner.run((context) -> {
			// built by hand and no bean: the starter cannot see it
			RestTemplate unseen = new RestTemplate(new JdkClientHttpRequestFactory());
			CompletableFuture<String> call = CompletableFuture
				.supplyAsync(() -> unseen.getForObject(upstream.uri("/delay/1000"), String.class), this.background);
			await().atMost(Duration.ofSeconds(10)).until(() -> upstream.active() >= 1);
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			context.close();
			ShutdownReport report = coordinator.report();
			assertThat(report).isNotNull();
			assertThat(report.format()).contains("no tracked call in flight").doesNotContain("nothing left in flight");
			call.join();
		});
	}

	@Test
	void handedOverClientsAreTrackedUnderTheirName() {
		this.contextRunner.run((context) -> {
			CleanupClients cleanup = context.getBean(CleanupClients.class);
			RestClient first = cleanup.adopt("payments", RestClient.create());
			RestClient second = cleanup.adopt("payments", RestClient.create());
			assertThat(cleanup.adopt("payments", first)).isSameAs(first);
			CompletableFuture<String> call = CompletableFuture.supplyAsync(
					() -> second.get().uri(upstream.uri("/delay/800")).retrieve().body(String.class), this.background);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> context.getBean(InFlightCalls.class).inFlightCount() == 1);
			assertThat(context.getBean(InFlightCalls.class).snapshot())
				.extracting((inFlight) -> inFlight.client().name())
				.containsExactly("payments");
			assertThat(context.getBean(InFlightCalls.class).namedClients()).extracting((client) -> client.name())
				.containsOnlyOnce("payments");
			assertThat(call).succeedsWithin(Duration.ofSeconds(10));
		});
	}

	private List<CompletableFuture<String>> startCalls(AssertableApplicationContext context, String path) {
		RestClient apache = context.getBean("apacheRestClient", RestClient.class);
		RestTemplate jetty = context.getBean("jettyRestTemplate", RestTemplate.class);
		RestClient jdk = context.getBean("jdkRestClient", RestClient.class);
		WebClient web = context.getBean("reactorWebClient", WebClient.class);
		HttpClient proxy = context.getBean("proxyHttpClient", HttpClient.class);
		return List.of(
				CompletableFuture.supplyAsync(() -> apache.get().uri(upstream.uri(path)).retrieve().body(String.class),
						this.background),
				CompletableFuture.supplyAsync(() -> jetty.getForObject(upstream.uri(path), String.class),
						this.background),
				CompletableFuture.supplyAsync(() -> jdk.get().uri(upstream.uri(path)).retrieve().body(String.class),
						this.background),
				web.get().uri(upstream.uri(path)).retrieve().bodyToMono(String.class).toFuture(),
				proxy.get().uri(upstream.uri(path)).responseSingle((response, body) -> body.asString()).toFuture());
	}

	private static List<Participant> participants(AssertableApplicationContext context) {
		return context.getBean(ParticipantRegistry.class).participants();
	}

	private static Object requestFactoryOf(RestClient client) {
		return org.springframework.test.util.ReflectionTestUtils.getField(client, "clientRequestFactory");
	}

	@Configuration(proxyBeanMethods = false)
	static class HandBuiltClients {

		final JdkClientHttpRequestFactory jdkFactory = new JdkClientHttpRequestFactory();

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
			return RestClient.builder().requestFactory(this.jdkFactory).build();
		}

		@Bean
		WebClient reactorWebClient() {
			return WebClient.builder().clientConnector(new ReactorClientHttpConnector()).build();
		}

		@Bean
		HttpClient proxyHttpClient() {
			return HttpClient.create(ConnectionProvider.create("proxy", 4));
		}

		@Bean
		ClientUser clientUser(RestClient jdkRestClient) {
			return new ClientUser(jdkRestClient);
		}

	}

	static class ClientUser {

		final RestClient client;

		ClientUser(RestClient client) {
			this.client = client;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BootBuiltClient {

		@Bean
		RestClient bootBuiltRestClient(RestClient.Builder builder) {
			return builder.build();
		}

	}

	/**
	 * A template of the application's own that takes, by a field, a bean that needs it:
	 * Spring hands that bean the template's early reference.
	 */
	static class CircularTemplate extends RestTemplate {

		@Autowired
		TemplateUser user;

		CircularTemplate() {
			super(new JdkClientHttpRequestFactory());
		}

	}

	static class TemplateUser {

		final CircularTemplate template;

		TemplateUser(CircularTemplate template) {
			this.template = template;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SharedManagerClient {

		@Bean
		PoolingHttpClientConnectionManager sharedManager() {
			return PoolingHttpClientConnectionManagerBuilder.create().build();
		}

		@Bean
		CloseableHttpClient sharedClient(PoolingHttpClientConnectionManager sharedManager) {
			return HttpClients.custom().setConnectionManager(sharedManager).build();
		}

	}

}
