package dev.cleanup.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test method (plain, parameterized or another template) in a class loader built
 * from the test class path without the jars named here, as an application without those
 * libraries has them: unlike Boot's {@code FilteredClassLoader}, nothing in the reduced
 * class loader can reach the removed classes, the starter's own classes included. The
 * test class is loaded again in that class loader and the method run on a new instance of
 * it, so fields and {@code @BeforeEach} methods of the original instance are not seen;
 * arguments must be of the JDK's own types.
 *
 * @author cleanup contributors
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@ExtendWith(ReducedClassPathExtension.class)
public @interface ClassPathWithout {

	/**
	 * The jars to leave out, by the start of their file names up to the version (for
	 * example {@code spring-webflux} leaves out {@code spring-webflux-7.0.3.jar} but not
	 * {@code spring-webflux-extra-1.0.jar}). Every name must match at least one jar.
	 * @return the artifact names of the jars to leave out
	 */
	String[] value() default {};

	/**
	 * Whether the test method's first argument, a {@code String}, names further jars to
	 * leave out, separated by spaces (for parameterized tests whose arguments choose the
	 * libraries); it may be blank.
	 * @return whether the first argument names jars
	 */
	boolean fromFirstArgument() default false;

}
