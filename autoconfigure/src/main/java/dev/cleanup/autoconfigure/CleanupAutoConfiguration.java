package dev.cleanup.autoconfigure;

import java.time.Duration;

import dev.cleanup.autoconfigure.instrument.ClientPools;
import dev.cleanup.autoconfigure.instrument.ReactorSchedulersCapture;
import dev.cleanup.autoconfigure.instrument.ResourceStopHooks;
import dev.cleanup.autoconfigure.lifecycle.CleanupBeanPostProcessor;
import dev.cleanup.autoconfigure.lifecycle.CleanupContextListener;
import dev.cleanup.autoconfigure.lifecycle.CleanupPropertiesValidator;
import dev.cleanup.autoconfigure.lifecycle.CleanupStageLifecycle;
import dev.cleanup.autoconfigure.lifecycle.LateStages;
import dev.cleanup.autoconfigure.lifecycle.ParticipantPolicyFactory;
import dev.cleanup.autoconfigure.lifecycle.ShutdownPhaseTimeouts;
import dev.cleanup.autoconfigure.lifecycle.ShutdownPlanner;
import dev.cleanup.autoconfigure.lifecycle.StartupWarnings;
import dev.cleanup.client.ClientStacks;
import dev.cleanup.client.feign.FeignCallTracking;
import dev.cleanup.client.reactor.ReactorClientStack;
import dev.cleanup.core.ParticipantRegistry;
import dev.cleanup.core.ShutdownCoordinator;
import dev.cleanup.lingering.LingeringCensus;
import dev.cleanup.tracking.InFlightCalls;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the staged shutdown of outbound
 * HTTP clients: the participant registry, the coordinator, the drain stage (a
 * {@link org.springframework.context.SmartLifecycle} bean) and the {@link LateStages}
 * (close, dispose and the report, after the application's own shutdown work), plus the
 * tracking of in-flight calls, the finding of client pools and the census of lingering
 * work. It is turned off by {@code cleanup.enabled=false}; the starter's beans are its
 * own parts, not meant to be replaced. On a Spring Boot line it does not serve,
 * {@link UnsupportedBootLineAutoConfiguration} stands in for it.
 * <p>
 * Its machinery (the pools found, the calls tracked, the stages' listener, the censuses)
 * is registered with {@link BeanDefinition#ROLE_INFRASTRUCTURE}, as Boot registers its
 * own; the beans of each client family come from {@link ClientFamilyBeans}.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(name = BootLines.BOOT_35_OR_LATER)
@ConditionalOnBooleanProperty(name = "cleanup.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CleanupProperties.class)
@Import(ClientFamilyBeans.class)
public final class CleanupAutoConfiguration {

	private static final String SCHEDULERS = "reactor.core.scheduler.Schedulers";

	@Bean
	ParticipantRegistry cleanupParticipantRegistry() {
		return new ParticipantRegistry();
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	InFlightCalls cleanupInFlightCalls() {
		return new InFlightCalls();
	}

	@Bean
	ShutdownCoordinator cleanupShutdownCoordinator(CleanupProperties properties, ParticipantRegistry registry,
			InFlightCalls calls) {
		CleanupPropertiesValidator.validate(properties);
		ShutdownCoordinator coordinator = new ShutdownCoordinator(registry, ParticipantPolicyFactory.create(properties),
				properties.getDrain().getTimeout());
		coordinator.addInFlightSource(calls);
		return coordinator;
	}

	@Bean
	CleanupStageLifecycle cleanupDrainStage(CleanupProperties properties, ShutdownCoordinator coordinator,
			ClientPools pools, ConfigurableApplicationContext context) {
		return new CleanupStageLifecycle(properties, coordinator, pools, context);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	LateStages cleanupLateStages(CleanupProperties properties, ShutdownCoordinator coordinator, ClientPools pools,
			LingeringCensus lingering, ConfigurableApplicationContext context) {
		return new LateStages(coordinator, pools, lingering, properties.getWatchdog(), context.getBeanFactory());
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	CleanupContextListener cleanupContextListener(CleanupProperties properties, ShutdownCoordinator coordinator,
			ClientPools pools, ConfigurableApplicationContext context) {
		ShutdownPlanner planner = new ShutdownPlanner(properties, coordinator, context);
		return new CleanupContextListener(context, coordinator, new ShutdownPhaseTimeouts(properties, planner, context),
				new StartupWarnings(properties, planner, coordinator.registry()), pools);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	LingeringCensus cleanupLingeringCensus(ShutdownCoordinator coordinator, InFlightCalls calls,
			ResourceLoader resourceLoader) {
		// counts Mono.timeout and friends where Reactor is (and its decorator installed)
		LingeringCensus lingering = new LingeringCensus(coordinator, calls,
				ClassUtils.isPresent(SCHEDULERS, resourceLoader.getClassLoader()));
		coordinator.addResultListener(lingering);
		return lingering;
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ClientPools cleanupClientPools(ResourceLoader resourceLoader, Environment environment,
			ObjectProvider<ParticipantRegistry> registry, ObjectProvider<InFlightCalls> calls) {
		Duration quietPeriod = Binder.get(environment)
			.bind("spring.reactor.netty.shutdown-quiet-period", Duration.class)
			.orElse(null);
		return new ClientPools(ClientStacks.detect(resourceLoader.getClassLoader(), quietPeriod), registry, calls);
	}

	@Bean(ResourceStopHooks.BEAN_NAME)
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ResourceStopHooks cleanupResourceStopHooks(ConfigurableApplicationContext context) {
		return new ResourceStopHooks(context);
	}

	@Bean
	static CleanupBeanPostProcessor cleanupBeanPostProcessor(ClientPools pools, ResourceStopHooks stopHooks,
			ObjectProvider<InFlightCalls> calls, ObjectProvider<LingeringCensus> lingering,
			ObjectProvider<ShutdownCoordinator> coordinator) {
		return new CleanupBeanPostProcessor(pools, stopHooks, calls, lingering, coordinator);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@Conditional(ReactiveHttpPresent.class)
	static ReactorSchedulersCapture cleanupReactorSchedulersCapture() {
		return new ReactorSchedulersCapture();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(FeignCallTracking.class)
	static class FeignTrackingConfiguration {

		@Bean
		FeignCallTracking cleanupFeignCallTracking(ClientPools pools, InFlightCalls calls,
				ConfigurableListableBeanFactory beanFactory) {
			return new FeignCallTracking((name, transport) -> pools
				.callTracking(pools.placeOnPoolsOf(calls.namedClient(name), transport, beanFactory)));
		}

	}

	/**
	 * Reactor's scheduler is in use where WebFlux or Reactor Netty is: only then is its
	 * decorator installed.
	 */
	static final class ReactiveHttpPresent extends SpringBootCondition {

		private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client.WebClient";

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ClassLoader classLoader = context.getClassLoader();
			if (!ClassUtils.isPresent(SCHEDULERS, classLoader)) {
				return ConditionOutcome.noMatch("Reactor's Schedulers are not on the class path");
			}
			if (ClassUtils.isPresent(WEB_CLIENT, classLoader) || ReactorClientStack.Classes.present(classLoader)) {
				return ConditionOutcome.match("Reactor's Schedulers with WebFlux or Reactor Netty");
			}
			return ConditionOutcome.noMatch("neither WebFlux nor Reactor Netty is on the class path");
		}

	}

}
