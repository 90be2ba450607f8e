package dev.cleanup.autoconfigure.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.buildsupport.SlowUpstream;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestExecutionListeners.MergeMode;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;
import org.springframework.test.context.support.DirtiesContextTestExecutionListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shows the phase order against Boot's web server: an inbound request still in Boot's
 * graceful drain finishes its outbound call, because the close stage runs only after the
 * web server has stopped.
 *
 * @author cleanup contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@DirtiesContext
// The test closes its own context; listeners that publish to it afterwards are left out
@TestExecutionListeners(
		listeners = { DependencyInjectionTestExecutionListener.class, DirtiesContextTestExecutionListener.class },
		mergeMode = MergeMode.REPLACE_DEFAULTS)
class WebServerPhaseOrderTests {

	static final SlowUpstream upstream = SlowUpstream.start();

	static final AtomicLong outboundDoneNanos = new AtomicLong();

	static final AtomicLong closeStartedNanos = new AtomicLong();

	static final AtomicBoolean webServerStoppedAtClose = new AtomicBoolean();

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	ParticipantRegistry registry;

	@AfterAll
	static void stopUpstream() {
		upstream.close();
	}

	@Test
	void inboundRequestInGracefulDrainFinishesItsOutboundCall() throws Exception {
		HttpClient inbound = HttpClient.newHttpClient();
		CompletableFuture<HttpResponse<String>> response = inbound.sendAsync(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/relay")).build(),
				HttpResponse.BodyHandlers.ofString());
		await().until(() -> upstream.active() == 1);
		Participant relay = this.registry.find("relay-client");
		this.context.close();
		HttpResponse<String> relayed = response.get(10, TimeUnit.SECONDS);
		assertThat(relayed.statusCode()).isEqualTo(200);
		assertThat(relayed.body()).isEqualTo("done /delay/1500");
		assertThat(closeStartedNanos.get()).isGreaterThan(outboundDoneNanos.get());
		assertThat(webServerStoppedAtClose).isTrue();
		assertThat(relay).isNotNull();
		assertThat(relay.lastResult()).isNotNull().extracting(CloseResult::outcome).isEqualTo(Outcome.GRACEFUL);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class RelayApplication {

		@Bean
		CloseableHttpClient relayClient(ParticipantRegistry registry) {
			CloseableHttpClient client = HttpClients.createDefault();
			registry.register(Participant.builder("relay-client").teardown((deadline) -> {
				closeStartedNanos.set(System.nanoTime());
				webServerStoppedAtClose.set(!accepts());
				client.close();
				return true;
			}).build());
			return client;
		}

		@Bean
		RelayController relayController(CloseableHttpClient relayClient) {
			return new RelayController(relayClient);
		}

		private static boolean accepts() {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", RelayController.port), 500);
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}

	}

	@RestController
	static class RelayController {

		static volatile int port;

		private final CloseableHttpClient client;

		RelayController(CloseableHttpClient client) {
			this.client = client;
		}

		@GetMapping("/relay")
		String relay(HttpServletRequest request) throws IOException {
			port = request.getLocalPort();
			String body = this.client.execute(new HttpGet(upstream.uri("/delay/1500")),
					(response) -> EntityUtils.toString(response.getEntity()));
			outboundDoneNanos.set(System.nanoTime());
			return body;
		}

	}

}
