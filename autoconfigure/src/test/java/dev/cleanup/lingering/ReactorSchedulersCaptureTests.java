package dev.cleanup.lingering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.cleanup.autoconfigure.CleanupAutoConfiguration;
import dev.cleanup.test.ClassPathWithout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Reactor scheduler decorator is the one thing the starter changes outside the
 * application context: it is installed only once the starter's conditions have passed
 * (never where the starter is off, nor without WebFlux or Reactor Netty, nor by a Spring
 * application merely preparing its environment), and removed when the last context that
 * installed it closes, without leaving a later context blind to a scheduler that outlived
 * the earlier one.
 *
 * @author cleanup contributors
 */
class ReactorSchedulersCaptureTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CleanupAutoConfiguration.class));

	private final List<Disposable> disposables = new ArrayList<>();

	/**
	 * The users found before each test: contexts a test framework caches keep theirs, so
	 * each test asserts what it changed.
	 */
	private int before;

	@BeforeEach
	void countUsers() {
		this.before = ReactorSchedulerTaskSource.users();
	}

	@AfterEach
	void cleanUp() {
		this.disposables.forEach(Disposable::dispose);
	}

	@Test
	void installedWhileAContextRunsAndRemovedWhenTheLastOneCloses() {
		this.contextRunner.run((first) -> {
			assertThat(ReactorSchedulerTaskSource.isInstalled()).isTrue();
			assertThat(ReactorSchedulerTaskSource.users()).isEqualTo(this.before + 1);
			this.contextRunner.run((second) -> {
				assertThat(ReactorSchedulerTaskSource.isInstalled()).isTrue();
				assertThat(ReactorSchedulerTaskSource.users()).isEqualTo(this.before + 2);
			});
			// the second context closed: the first still uses it
			assertThat(ReactorSchedulerTaskSource.isInstalled()).isTrue();
			assertThat(ReactorSchedulerTaskSource.users()).isEqualTo(this.before + 1);
		});
		assertThat(ReactorSchedulerTaskSource.users()).isEqualTo(this.before);
		assertThat(ReactorSchedulerTaskSource.isInstalled()).isEqualTo(this.before > 0);
	}

	@Test
	void notInstalledWhenTheStarterIsOff() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.run("--cleanup.enabled=false", "--spring.main.banner-mode=off");
		try {
			assertThat(ReactorSchedulerTaskSource.users()).isEqualTo(this.before);
		}
		finally {
			context.close();
		}
	}

	@Test
	void notInstalledByAnApplicationThatFailsBeforeItsConditionsAreKnown() {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addListeners((event) -> {
			// the environment is ready: nothing of the starter's may have run yet
			if (event instanceof ApplicationEnvironmentPreparedEvent) {
				assertThat(ReactorSchedulerTaskSource.users()).isEqualTo(this.before);
				throw new IllegalStateException("stop before the context is created");
			}
		});
		try {
			application.run("--spring.main.banner-mode=off");
		}
		catch (IllegalStateException ex) {
			assertThat(ex).hasMessage("stop before the context is created");
		}
		assertThat(ReactorSchedulerTaskSource.users()).isEqualTo(this.before);
	}

	@Test
	@ClassPathWithout({ "spring-webflux", "spring-boot-webflux", "spring-boot-webclient", "spring-boot-starter-webflux",
			"spring-boot-starter-webclient", "jetty-reactive-httpclient", "reactor-netty-core", "reactor-netty-http",
			"spring-boot-reactor-netty", "spring-boot-starter-reactor-netty" })
	void notInstalledWithoutWebFluxOrReactorNetty() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(ReactorSchedulerTaskSource.users()).isEqualTo(this.before);
		});
	}

	@Test
	void aLaterContextSeesASchedulerThatOutlivedAnEarlierOne() {
		Scheduler[] outlives = new Scheduler[1];
		this.contextRunner.run((first) -> {
			outlives[0] = Schedulers.newParallel("outlives-its-context", 1);
			this.disposables.add(outlives[0]);
		});
		assertThat(ReactorSchedulerTaskSource.users()).isEqualTo(this.before);
		this.contextRunner.run((later) -> {
			this.disposables.add(Mono.never().timeout(Duration.ofSeconds(30), outlives[0]).subscribe((value) -> {
			}, (error) -> {
			}));
			assertThat(later.getBean(LingeringCensus.class).tasks().sources())
				.filteredOn(ReactorSchedulerTaskSource.class::isInstance)
				.singleElement()
				.satisfies((source) -> assertThat(source.snapshot(10, 5).nearestPending())
					.anySatisfy((task) -> assertThat(task.origin()).contains("outlives-its-context")));
		});
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration(CleanupAutoConfiguration.class)
	static class Application {

	}

}
