package dev.cleanup;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
