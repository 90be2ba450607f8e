package dev.cleanup.autoconfigure;

import dev.cleanup.autoconfigure.lifecycle.LateStages;

import dev.cleanup.autoconfigure.lifecycle.CleanupStageLifecycle;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cleanup.core.CloseResult;
import dev.cleanup.core.Outcome;
import dev.cleanup.core.Participant;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.core.ShutdownReport;
import dev.cleanup.core.ShutdownCoordinator.ShutdownState;
import dev.cleanup.core.Stage;
import dev.cleanup.test.ClientAutoConfigurations;
import dev.cleanup.buildsupport.SlowUpstream;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link CleanupAutoConfiguration}.
 *
 * @author cleanup contributors
 */
@ExtendWith(OutputCaptureExtension.class)
class CleanupAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CleanupAutoConfiguration.class));

	private final SlowUpstream upstream = SlowUpstream.start();

	@AfterEach
	void stopUpstream() {
		this.upstream.close();
	}

	@Test
	void registersCoordinatorTheDrainStageAndTheLateStages() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ShutdownCoordinator.class)
				.hasSingleBean(ParticipantRegistry.class)
				.hasSingleBean(LateStages.class);
			assertThat(context.getBeansOfType(CleanupStageLifecycle.class)).containsOnlyKeys("cleanupDrainStage");
			assertThat(context.getBean("cleanupDrainStage", SmartLifecycle.class).getPhase())
				.isEqualTo(Integer.MAX_VALUE - 2048 - 128);
		});
	}

	@Test
	void addsOneBeanPostProcessorWhateverTheClientStacks() {
		// every stack is on the test class path; a post-processor sees every bean's
		// creation, so the starter has one for pools and timers of all stacks, not one
		// per type
		this.contextRunner.withConfiguration(ClientAutoConfigurations.with()).run((context) -> {
			Map<String, BeanPostProcessor> processors = context.getBeansOfType(BeanPostProcessor.class);
			processors.values().removeIf((processor) -> !processor.getClass().getName().startsWith("dev.cleanup"));
			assertThat(processors).containsOnlyKeys("cleanupBeanPostProcessor");
		});
	}

	@Test
	void whenDisabledLeavesNoTraceInTheContext() {
		this.contextRunner
			.withConfiguration(ClientAutoConfigurations.with(CleanupEndpointAutoConfiguration.class,
					CleanupMetricsAutoConfiguration.class))
			.withPropertyValues("cleanup.enabled=false", "management.endpoints.web.exposure.include=cleanup")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanDefinitionNames())
					.noneMatch((name) -> name.startsWith("cleanup") || name.contains("dev.cleanup"));
				assertThat(context).doesNotHaveBean(CleanupProperties.class)
					.doesNotHaveBean(ShutdownCoordinator.class)
					.doesNotHaveBean(ParticipantRegistry.class);
				assertThat(context.getBeanDefinitionNames()).extracting((name) -> String.valueOf(context.getType(name)))
					.noneMatch((type) -> type.contains("dev.cleanup"));
			});
	}

	@Test
	void theDrainPhaseCanBeConfigured() {
		this.contextRunner.withPropertyValues("cleanup.drain.phase=3000")
			.run((context) -> assertThat(context.getBeansOfType(CleanupStageLifecycle.class).values())
				.extracting(SmartLifecycle::getPhase)
				.containsExactly(3000));
	}

	@Test
	void formerCloseAndDisposePhasesHaveNoEffectAndSaySo(CapturedOutput output) {
		this.contextRunner.withPropertyValues("cleanup.close.phase=2000", "cleanup.dispose.phase=1000")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(CleanupStageLifecycle.class).values())
					.extracting(SmartLifecycle::getPhase)
					.containsExactly(CleanupProperties.DEFAULT_DRAIN_PHASE);
				assertThat(output).contains("cleanup.close.phase=2000 has no effect")
					.contains("cleanup.dispose.phase=1000 has no effect")
					.contains("Remove the property");
			});
	}

	@Test
	void closingTheContextRunsTheStagesInOrderAndReports(CapturedOutput output) {
		List<String> events = new CopyOnWriteArrayList<>();
		this.contextRunner.run((context) -> {
			ParticipantRegistry registry = context.getBean(ParticipantRegistry.class);
			registry.register(Participant.builder("loops").stage(Stage.DISPOSE).teardown((deadline) -> {
				events.add("dispose loops");
				return true;
			}).build());
			registry.register("downloads", () -> events.add("close downloads"));
			ShutdownCoordinator coordinator = context.getBean(ShutdownCoordinator.class);
			assertThat(coordinator.state()).isEqualTo(ShutdownState.RUNNING);
			context.close();
			assertThat(events).containsExactly("close downloads", "dispose loops");
			assertThat(coordinator.state()).isEqualTo(ShutdownState.CLOSED);
			ShutdownReport report = coordinator.report();
			assertThat(report).isNotNull();
			assertThat(report.results()).extracting(CloseResult::name, CloseResult::stage, CloseResult::outcome)
				.containsExactly(tuple("downloads", Stage.CLOSE, Outcome.GRACEFUL),
						tuple("loops", Stage.DISPOSE, Outcome.GRACEFUL));
		});
		assertThat(output).contains("Cleanup shutdown report").contains("downloads").contains("loops");
	}

	@Test
	void reportWarnsAboutEveryParticipantNotClosedGracefully(CapturedOutput output) {
		this.contextRunner.withPropertyValues("cleanup.close.timeout=200ms").run((context) -> {
			ParticipantRegistry registry = context.getBean(ParticipantRegistry.class);
			registry.register("broken", () -> {
				throw new IllegalStateException("socket gone");
			});
			registry.register(Participant.builder("stuck").teardown((deadline) -> {
				Thread.sleep(60_000);
				return true;
			}).build());
		});
		assertThat(output).contains("WARN")
			.contains("Participant 'broken' (custom) in stage close: failed")
			.contains("socket gone")
			.contains("Participant 'stuck' (custom) in stage close: timed-out");
	}

	@Test
	void stopThenStartLeavesParticipantsOpenAndUsable() {
		this.contextRunner.run((context) -> {
			CloseableHttpClient client = HttpClients.createDefault();
			Participant participant = context.getBean(ParticipantRegistry.class).register("apache", client);
			context.stop();
			context.start();
			assertThat(participant.isClosing()).isFalse();
			assertThat(get(client, "/delay/10")).isEqualTo(200);
			context.close();
			assertThat(participant.lastResult()).isNotNull()
				.extracting(CloseResult::outcome)
				.isEqualTo(Outcome.GRACEFUL);
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> get(client, "/delay/10"));
		});
	}

	@Test
	void stagesStillRunWhenTheContextIsStoppedBeforeItIsClosed() {
		this.contextRunner.run((context) -> {
			Participant participant = context.getBean(ParticipantRegistry.class).register("late", () -> {
			});
			context.stop();
			context.close();
			assertThat(participant.lastResult()).isNotNull()
				.extracting(CloseResult::outcome)
				.isEqualTo(Outcome.GRACEFUL);
		});
	}

	@Test
	void springPerPhaseTimeoutNeverCutsAStageShort() {
		List<String> events = new CopyOnWriteArrayList<>();
		this.contextRunner.withConfiguration(AutoConfigurations.of(LifecycleAutoConfiguration.class))
			.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=500ms", "cleanup.close.timeout=5s")
			.run((context) -> {
				ParticipantRegistry registry = context.getBean(ParticipantRegistry.class);
				registry.register(Participant.builder("slow").teardown((deadline) -> {
					Thread.sleep(1500);
					events.add("slow closed");
					return true;
				}).build());
				registry.register(Participant.builder("loops").stage(Stage.DISPOSE).teardown((deadline) -> {
					events.add("loops disposed");
					return true;
				}).build());
				context.close();
				assertThat(events).containsExactly("slow closed", "loops disposed");
			});
	}

	@Test
	void warnsWhenWorstCaseExceedsTheTerminationGracePeriod(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("cleanup.termination-grace-period=10s", "cleanup.drain.timeout=8s",
					"cleanup.resources.payments.timeout=20s", "cleanup.resources.payments.stage=close")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output)
			.contains("Worst-case shutdown of 35200 ms exceeds cleanup.termination-grace-period of 10000 ms")
			.contains(
					"max(inbound drain 0 ms, outbound drain 8000 ms) + close 20000 ms + dispose 5000 ms + 2 forced bounds of 1100 ms = 35200 ms");
	}

	@Test
	void defaultApplicationLogsNoWarning(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		// other tests' client threads may still log in this JVM: only the starter's lines
		// count
		assertThat(output.toString().lines().filter((line) -> line.contains(" WARN ")))
			.noneMatch((line) -> line.contains("cleanup"));
	}

	@Test
	void warnsAboutResourceNamesThatMatchNoParticipant(CapturedOutput output) {
		this.contextRunner.withPropertyValues("cleanup.resources.paymnets.timeout=2s")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("cleanup.resources.paymnets matches no participant");
	}

	private int get(CloseableHttpClient client, String path) throws Exception {
		return client.execute(new HttpGet(this.upstream.uri(path)), (response) -> response.getCode());
	}

}
