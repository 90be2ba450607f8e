package dev.cleanup.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link ClassPathWithout}: instead of running a test method in the
 * class loader of the test class path, it runs it again in a class loader built from that
 * class path without the named jars, whose parent is the JDK's platform class loader.
 *
 * @author cleanup contributors
 */
public final class ReducedClassPathExtension implements InvocationInterceptor {

	/**
	 * A jar's version starts with a digit after the artifact name and a dash.
	 */
	private static final Pattern VERSION = Pattern.compile("-\\d.*\\.jar");

	@Override
	public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
			ExtensionContext extensionContext) throws Throwable {
		invocation.skip();
		runReduced(invocationContext, extensionContext);
	}

	@Override
	public void interceptTestTemplateMethod(Invocation<Void> invocation,
			ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
		invocation.skip();
		runReduced(invocationContext, extensionContext);
	}

	private void runReduced(ReflectiveInvocationContext<Method> invocation, ExtensionContext extension)
			throws Throwable {
		Method method = invocation.getExecutable();
		Set<String> removed = removedArtifacts(method, extension.getRequiredTestClass(), invocation.getArguments());
		List<URL> kept = reducedClassPath(removed);
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		try (URLClassLoader loader = new URLClassLoader("reduced-class-path", kept.toArray(URL[]::new),
				ClassLoader.getPlatformClassLoader())) {
			thread.setContextClassLoader(loader);
			Class<?> testClass = loader.loadClass(extension.getRequiredTestClass().getName());
			Class<?>[] parameterTypes = new Class<?>[method.getParameterCount()];
			for (int i = 0; i < parameterTypes.length; i++) {
				Class<?> type = method.getParameterTypes()[i];
				parameterTypes[i] = type.isPrimitive() ? type : loader.loadClass(type.getName());
			}
			Method reloaded = testClass.getDeclaredMethod(method.getName(), parameterTypes);
			reloaded.setAccessible(true);
			Constructor<?> constructor = testClass.getDeclaredConstructor();
			constructor.setAccessible(true);
			reloaded.invoke(constructor.newInstance(), invocation.getArguments().toArray());
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static Set<String> removedArtifacts(Method method, Class<?> testClass, List<Object> arguments) {
		ClassPathWithout without = AnnotationSupport.findAnnotation(method, ClassPathWithout.class)
			.or(() -> AnnotationSupport.findAnnotation(testClass, ClassPathWithout.class))
			.orElseThrow(() -> new IllegalStateException("@ClassPathWithout is missing on " + method));
		Set<String> removed = new LinkedHashSet<>(Arrays.asList(without.value()));
		if (without.fromFirstArgument()) {
			if (arguments.isEmpty() || !(arguments.get(0) instanceof String names)) {
				throw new IllegalStateException(
						"@ClassPathWithout(fromFirstArgument = true) needs a String first argument on " + method);
			}
			Arrays.stream(names.trim().split("\\s+")).filter((name) -> !name.isEmpty()).forEach(removed::add);
		}
		return removed;
	}

	/**
	 * Return the test class path without the jars of the given artifacts.
	 * @param removed the artifact names of the jars to leave out
	 * @return the class path entries that are kept
	 * @throws IllegalStateException if an artifact names no jar of the class path
	 */
	static List<URL> reducedClassPath(Set<String> removed) {
		Set<String> unmatched = new LinkedHashSet<>(removed);
		List<URL> kept = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			Path path = Path.of(entry);
			String artifact = artifactOf(path);
			if (artifact != null && removed.contains(artifact)) {
				unmatched.remove(artifact);
			}
			else {
				kept.add(url(path));
			}
		}
		if (!unmatched.isEmpty()) {
			throw new IllegalStateException("No jar of the test class path is the artifact(s) " + unmatched
					+ ": name artifacts as their jars start, for example 'spring-webflux'");
		}
		return kept;
	}

	private static String artifactOf(Path path) {
		String name = path.getFileName().toString();
		if (Files.isDirectory(path) || !name.endsWith(".jar")) {
			return null;
		}
		var matcher = VERSION.matcher(name);
		return matcher.find() ? name.substring(0, matcher.start()) : name.substring(0, name.length() - 4);
	}

	private static URL url(Path path) {
		try {
			return path.toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
