package dev.cleanup.autoconfigure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import dev.cleanup.client.PrivateField;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.ExecutableHint;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CleanupRuntimeHints}: every private field the starter reads, declared
 * anywhere in its classes, and every method it looks up by handle has a hint.
 *
 * @author cleanup contributors
 */
class CleanupRuntimeHintsTests {

	@Test
	void anAheadOfTimeBuildFindsTheHints() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anySatisfy((registrar) -> assertThat(registrar).isInstanceOf(CleanupRuntimeHints.class));
	}

	@Test
	void everyPrivateFieldOfEveryClassHasAReflectionHint() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new CleanupRuntimeHints().registerHints(hints, getClass().getClassLoader());
		List<String> holders = new ArrayList<>();
		List<PrivateField> fields = new ArrayList<>();
		for (Class<?> type : starterClasses()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == PrivateField.class) {
					field.setAccessible(true);
					holders.add(type.getName());
					fields.add((PrivateField) field.get(null));
				}
			}
		}
		assertThat(fields).hasSizeGreaterThanOrEqualTo(25);
		assertThat(CleanupRuntimeHints.FIELD_HOLDERS).containsAll(holders);
		assertThat(fields).allSatisfy((field) -> assertThat(
				RuntimeHintsPredicates.reflection().onField(Class.forName(field.className()), field.fieldName()))
			.as(field.className() + "." + field.fieldName())
			.accepts(hints));
	}

	@Test
	void methodsLookedUpByHandleHaveHints() {
		RuntimeHints hints = new RuntimeHints();
		new CleanupRuntimeHints().registerHints(hints, getClass().getClassLoader());
		// read from the hints, not by predicates: those resolve the methods, absent
		// before
		// Java 21 and 25
		assertThat(invokedMethods(hints, HttpClient.class)).containsExactlyInAnyOrder("shutdown", "shutdownNow",
				"isTerminated", "awaitTermination");
		assertThat(invokedMethods(hints, ForkJoinPool.class)).containsExactly("getDelayedTaskCount");
	}

	private static List<String> invokedMethods(RuntimeHints hints, Class<?> type) {
		TypeHint hint = hints.reflection().getTypeHint(type);
		assertThat(hint).as(type.getName()).isNotNull();
		return hint.methods()
			.filter((method) -> method.getMode() == ExecutableMode.INVOKE)
			.map(ExecutableHint::getName)
			.toList();
	}

	/**
	 * The starter's main classes (not the tests'), read without loading the ones whose
	 * library is absent.
	 */
	private List<Class<?>> starterClasses() throws Exception {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		MetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
		List<Class<?>> classes = new ArrayList<>();
		for (Resource resource : resolver.getResources("classpath*:dev/cleanup/**/*.class")) {
			if (resource.getURL().toString().contains("test-classes")) {
				continue;
			}
			String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
			try {
				classes.add(Class.forName(name, false, getClass().getClassLoader()));
			}
			catch (LinkageError ex) {
				// a class for a Boot line or library this class path lacks
			}
		}
		assertThat(classes).hasSizeGreaterThan(100);
		return classes;
	}

}
