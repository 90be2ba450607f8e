package dev.cleanup.autoconfigure;

import dev.cleanup.autoconfigure.instrument.RequestFactoryFields;

import dev.cleanup.autoconfigure.instrument.WebClientInstrumentation;

import dev.cleanup.autoconfigure.instrument.ClientInstrumentation;

import dev.cleanup.autoconfigure.instrument.BuilderTracking;

import java.util.List;
import java.util.concurrent.ForkJoinPool;

import dev.cleanup.client.PrivateField;
import dev.cleanup.client.jdk.JdkClientRuntimeHints;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * Hints for the starter's reflective reads in a native image: the private fields of
 * Spring's and the client libraries' classes ({@link PrivateField}), and the Java 21+
 * methods looked up by method handle. The classes that declare private fields are
 * initialized here, each only if the library it reads from is present, so that every
 * field of theirs is known. Listed in {@code META-INF/spring/aot.factories}, so that only
 * an ahead-of-time build loads it.
 *
 * @author cleanup contributors
 */
class CleanupRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * The classes that declare {@link PrivateField}s: a test checks that none is missing.
	 */
	static final List<String> FIELD_HOLDERS = List.of("dev.cleanup.autoconfigure.instrument.BuilderTracking",
			"dev.cleanup.autoconfigure.instrument.RequestFactoryFields",
			"dev.cleanup.autoconfigure.instrument.ClientInstrumentation",
			"dev.cleanup.autoconfigure.instrument.WebClientInstrumentation",
			"dev.cleanup.client.apache.ApacheClientStack", "dev.cleanup.client.jdk.JdkClientStack",
			"dev.cleanup.client.jetty.JettyClientStack", "dev.cleanup.client.reactor.ReactorClientStack",
			"dev.cleanup.client.reactor.ReactorGlobalPools", "dev.cleanup.client.reactor.ReactorProviders");

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String holder : FIELD_HOLDERS) {
			initialize(holder, classLoader);
		}
		for (PrivateField field : PrivateField.created()) {
			hints.reflection()
				.registerType(TypeReference.of(field.className()), (type) -> type.withField(field.fieldName()));
		}
		JdkClientRuntimeHints.register(hints);
		hints.reflection()
			.registerType(ForkJoinPool.class,
					(type) -> type.withMethod("getDelayedTaskCount", List.of(), ExecutableMode.INVOKE));
	}

	/**
	 * Initialize a class that declares private fields, unless the library it reads from
	 * is absent.
	 */
	private static void initialize(String holder, @Nullable ClassLoader classLoader) {
		try {
			Class.forName(holder, true, (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// its library is absent: none of its fields is read
		}
	}

}
