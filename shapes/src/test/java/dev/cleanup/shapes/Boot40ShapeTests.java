package dev.cleanup.shapes;

import java.util.EnumSet;

/**
 * The shape matrix on Spring Boot 4.0: start, answer and exit (the goodbye shapes run on
 * 4.1 and 3.5).
 *
 * @author cleanup contributors
 */
class Boot40ShapeTests extends ShapeMatrixTests {

	@Override
	BootLine line() {
		return new BootLine("4.0", "spring.http.clients.imperative.factory", EnumSet.complementOf(EnumSet
			.of(Shape.GOODBYE_HTTP_CLIENT_5, Shape.GOODBYE_JETTY, Shape.GOODBYE_JDK_CLIENT, Shape.GOODBYE_STUCK)),
				false);
	}

}
