package dev.cleanup.shapes;

import java.util.EnumSet;

/**
 * The shape matrix on Spring Boot 3.5 ({@code spring-boot-starter-web}, Spring Cloud
 * 2025.0): start, answer and exit. Its scoped service has no Spring Batch job (Batch 5's
 * types differ from Batch 6's, which the job is written against). Goodbye calls run on
 * one stack here, HttpClient 5.
 *
 * @author cleanup contributors
 */
class Boot35ShapeTests extends ShapeMatrixTests {

	@Override
	BootLine line() {
		return new BootLine("3.5", "spring.http.client.factory",
				EnumSet.complementOf(EnumSet.of(Shape.GOODBYE_JETTY, Shape.GOODBYE_JDK_CLIENT, Shape.GOODBYE_STUCK)),
				false);
	}

}
