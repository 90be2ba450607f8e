package dev.cleanup;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The code layout of {@code shared/DESIGN.md}, checked on the compiled classes (the
 * Spring Boot 3.5 ones included) by ArchUnit: the dependency directions between the
 * packages, an engine free of Spring and of client libraries, and one home per client
 * stack, which alone names its library and Spring's wrappers of it.
 *
 * @author cleanup contributors
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.cleanup");

	/**
	 * The public API of {@code docs/api.md}: outside the packages documented as internal,
	 * these top-level types and no others are public.
	 */
	private static final Set<String> PUBLIC_API = Set.of("dev.cleanup.autoconfigure.CleanupAutoConfiguration",
			"dev.cleanup.autoconfigure.CleanupEndpointAutoConfiguration",
			"dev.cleanup.autoconfigure.CleanupMetricsAutoConfiguration", "dev.cleanup.autoconfigure.CleanupProperties",
			"dev.cleanup.autoconfigure.CleanupEndpointProperties", "dev.cleanup.autoconfigure.CleanupClients",
			"dev.cleanup.autoconfigure.CleanupWebClients", "dev.cleanup.autoconfigure.InvalidCleanupPropertyException",
			"dev.cleanup.core.ParticipantRegistry", "dev.cleanup.core.Participant", "dev.cleanup.core.Teardown",
			"dev.cleanup.core.Deadline", "dev.cleanup.core.PoolUsage", "dev.cleanup.core.InFlightSource",
			"dev.cleanup.core.CallAllowance", "dev.cleanup.core.Kind", "dev.cleanup.core.Stage",
			"dev.cleanup.core.Outcome", "dev.cleanup.core.CloseResult", "dev.cleanup.core.ShutdownReport",
			"dev.cleanup.core.ShutdownCoordinator", "dev.cleanup.actuate.CleanupEndpoint",
			"dev.cleanup.actuate.PendingWork", "dev.cleanup.actuate.CleanupMetrics");

	private static final Set<String> INTERNAL_PACKAGES = Set.of("dev.cleanup.autoconfigure.instrument",
			"dev.cleanup.autoconfigure.lifecycle", "dev.cleanup.core.plan", "dev.cleanup.client",
			"dev.cleanup.client.apache", "dev.cleanup.client.feign", "dev.cleanup.client.jdk",
			"dev.cleanup.client.jetty", "dev.cleanup.client.reactor", "dev.cleanup.tracking", "dev.cleanup.lingering");

	@Test
	void onlyTheDocumentedApiIsPublicOutsideInternalPackages() {
		Set<String> publicTypes = classes.stream()
			.filter((type) -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
			.filter((type) -> !INTERNAL_PACKAGES.contains(type.getPackageName()))
			// the build's own test support, not part of the starter
			.filter((type) -> !type.getPackageName().startsWith("dev.cleanup.buildsupport"))
			.map(JavaClass::getName)
			.collect(Collectors.toSet());
		assertThat(publicTypes).as("public types outside the internal packages (docs/api.md)")
			.containsExactlyInAnyOrderElementsOf(PUBLIC_API);
		assertThat(PUBLIC_API).hasSizeLessThanOrEqualTo(25);
	}

	/**
	 * What a user calls names only public API: a public method of a public type outside
	 * the internal packages returns and takes no type of an internal package
	 * (constructors the auto-configurations call are not counted: users do not call
	 * them).
	 */
	@Test
	void publicMethodsOfThePublicApiNameNoInternalType() {
		List<String> leaks = classes.stream()
			.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC))
			.filter((type) -> PUBLIC_API.contains(type.getName().split("\\$")[0]))
			.flatMap((type) -> type.getMethods().stream())
			.filter((method) -> method.getModifiers().contains(JavaModifier.PUBLIC)
					&& !method.getModifiers().contains(JavaModifier.SYNTHETIC))
			.flatMap((method) -> java.util.stream.Stream
				.concat(java.util.stream.Stream.of(method.getRawReturnType()), method.getRawParameterTypes().stream())
				.filter((type) -> INTERNAL_PACKAGES.contains(type.getPackageName()))
				.map((type) -> method.getFullName() + " names " + type.getName()))
			.toList();
		assertThat(leaks).as("internal types in the public API's methods").isEmpty();
	}

	@Test
	void internalPackagesSayTheyAreInternal() throws IOException {
		for (String name : INTERNAL_PACKAGES) {
			Path packageInfo = Path.of("src/main/java", name.replace('.', '/'), "package-info.java");
			assertThat(Files.readString(packageInfo)).as(packageInfo.toString())
				.contains("Internal: not part of the starter's public API");
		}
	}

	@Test
	void theShutdownUsesTheInstrumentationNotTheOtherWayRound() {
		noClasses().that()
			.resideInAPackage("dev.cleanup.autoconfigure.instrument..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.cleanup.autoconfigure.lifecycle..")
			.check(classes);
	}

	@Test
	void machineryNeverReachesBackIntoTheAutoConfigurations() {
		// the machinery reads the properties, nothing else of the auto-configurations
		noClasses().that()
			.resideInAnyPackage("dev.cleanup.autoconfigure.instrument..", "dev.cleanup.autoconfigure.lifecycle..")
			.should()
			.dependOnClassesThat(DescribedPredicate.describe("auto-configurations or the adopt API",
					(JavaClass type) -> type.getPackageName().equals("dev.cleanup.autoconfigure")
							&& !type.getSimpleName().startsWith("CleanupProperties")
							&& !type.getName().startsWith("dev.cleanup.autoconfigure.CleanupProperties$")
							&& !type.getSimpleName().equals("InvalidCleanupPropertyException")))
			.check(classes);
	}

	/**
	 * An optional library's types appear only in the classes that load where it is: its
	 * stack's own package, and the classes listed here, each registered, imported or
	 * reached behind a check of that library (a class condition, the stack's presence
	 * check or {@code ClassUtils.isPresent}). A class that names the library anywhere
	 * else would fail an application without it.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					WebFlux | org.springframework.web.reactive.. | dev.cleanup.autoconfigure.CleanupWebClients, dev.cleanup.autoconfigure.Boot35TrackingAutoConfiguration, dev.cleanup.autoconfigure.instrument.WebClientInstrumentation, dev.cleanup.autoconfigure.instrument.WebClientsTracking, dev.cleanup.autoconfigure.instrument.ClientBeanCalls, dev.cleanup.tracking.TrackingExchangeFilterFunction, dev.cleanup.tracking.TrackedExchange, dev.cleanup.tracking.TrackedClientResponse
					Reactor Netty | reactor.netty.. | dev.cleanup.client.reactor..
					Netty | io.netty.. | dev.cleanup.client.reactor.., dev.cleanup.lingering.HashedWheelTimerTaskSource
					Reactor | reactor.core.. | dev.cleanup.client.reactor.., dev.cleanup.lingering.ReactorSchedulerTaskSource, dev.cleanup.tracking.CallEndingSubscriber, dev.cleanup.tracking.TrackedBody, dev.cleanup.tracking.TrackedClientResponse, dev.cleanup.tracking.TrackedExchange, dev.cleanup.tracking.TrackingExchangeFilterFunction
					HttpClient 5 | org.apache.hc.. | dev.cleanup.client.apache..
					Jetty | org.eclipse.jetty.. | dev.cleanup.client.jetty..
					OpenFeign | feign.. | dev.cleanup.client.feign..
					Micrometer | io.micrometer.. | dev.cleanup.actuate.CleanupMeters, dev.cleanup.actuate.CleanupMetrics, dev.cleanup.autoconfigure.CleanupMetricsAutoConfiguration
					Actuator | org.springframework.boot.actuate.. | dev.cleanup.actuate.CleanupEndpoint, dev.cleanup.actuate.PendingWork, dev.cleanup.autoconfigure.CleanupEndpointAutoConfiguration, dev.cleanup.autoconfigure.CleanupEndpointProperties
					Boot's RestClient support | org.springframework.boot.restclient.. | dev.cleanup.autoconfigure.instrument.RestClientsTracking, dev.cleanup.autoconfigure.instrument.ClientBeanCalls, dev.cleanup.autoconfigure.instrument.RestTemplateBuilders
					Boot's WebClient support | org.springframework.boot.webclient.. | dev.cleanup.autoconfigure.instrument.WebClientsTracking
					Spring Cloud | org.springframework.cloud.. | none
					""")
	void optionalLibrariesAppearOnlyInClassesLoadedBehindTheirCheck(String library, String libraryPackage,
			String allowed) {
		List<String> homes = Arrays.stream(allowed.split(",")).map(String::trim).toList();
		noClasses()
			.that(DescribedPredicate.describe("load where " + library + " may be absent",
					(JavaClass type) -> homes.stream().noneMatch((home) -> isIn(type, home))))
			.and()
			.resideOutsideOfPackage("dev.cleanup.buildsupport..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(libraryPackage)
			.check(classes);
	}

	private static boolean isIn(JavaClass type, String home) {
		if (home.endsWith("..")) {
			return type.getPackageName().startsWith(home.substring(0, home.length() - 2));
		}
		String outer = type.getName().split("\\$")[0];
		return outer.equals(home);
	}

	@Test
	void dependenciesRunOneWay() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("autoconfigure")
			.definedBy("dev.cleanup.autoconfigure..")
			.layer("actuate")
			.definedBy("dev.cleanup.actuate..")
			.layer("client")
			.definedBy("dev.cleanup.client..")
			.layer("tracking")
			.definedBy("dev.cleanup.tracking..")
			.layer("lingering")
			.definedBy("dev.cleanup.lingering..")
			.layer("core")
			.definedBy("dev.cleanup.core..")
			.whereLayer("autoconfigure")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("actuate")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("client")
			.mayOnlyBeAccessedByLayers("autoconfigure")
			// the lingering census counts the tracked calls past their deadline
			.whereLayer("tracking")
			.mayOnlyBeAccessedByLayers("autoconfigure", "actuate", "lingering")
			// a stack hands over its timers as timer sources
			.whereLayer("lingering")
			.mayOnlyBeAccessedByLayers("autoconfigure", "actuate", "client")
			.whereLayer("core")
			.mayOnlyBeAccessedByLayers("autoconfigure", "actuate", "client", "tracking", "lingering")
			.check(classes);
	}

	@Test
	void theEngineUsesNothingOfSpringOfAClientLibraryOrOfMicrometer() {
		noClasses().that()
			.resideInAPackage("dev.cleanup.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..", "reactor..", "io.netty..",
					"org.apache.hc..", "org.eclipse.jetty..", "java.net.http..", "feign..")
			.check(classes);
	}

	@Test
	void noClientStackKnowsAnother() {
		slices().matching("dev.cleanup.client.(*)..").should().notDependOnEachOther().check(classes);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "apache | org.apache.hc.. | HttpComponents", "jetty | org.eclipse.jetty.. | Jetty",
					"jdk | java.net.http.. | Jdk", "reactor | reactor.netty.. | Reactor", "feign | feign.. | -" })
	void onlyItsHomeNamesAClientStacksLibraryOrSpringsWrappersOfIt(String stack, String library, String springPrefix) {
		String home = "dev.cleanup.client." + stack + "..";
		noClasses().that()
			.resideOutsideOfPackage(home)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(library)
			.orShould()
			.dependOnClassesThat(springWrapperOf(springPrefix))
			.check(classes);
	}

	@Test
	void onlyTheReactorHomeAndTheTimerCensusNameNetty() {
		noClasses().that()
			.resideOutsideOfPackages("dev.cleanup.client.reactor..", "dev.cleanup.lingering..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.netty..")
			.check(classes);
	}

	/**
	 * Spring's request factories, connectors and resource factories of one stack, such as
	 * {@code HttpComponentsClientHttpRequestFactory}.
	 */
	private static DescribedPredicate<JavaClass> springWrapperOf(String prefix) {
		return DescribedPredicate.describe("Spring's " + prefix + " wrappers",
				(type) -> !prefix.equals("-") && type.getPackageName().startsWith("org.springframework.")
						&& type.getSimpleName().startsWith(prefix) && type.getSimpleName()
							.matches("\\w*(RequestFactory|Connector|RequestFactoryBuilder|ResourceFactory)"));
	}

}
