package dev.cleanup.shapes;

import java.util.EnumSet;

/**
 * The shape matrix on Spring Boot 4.0: start, answer and exit.
 *
 * @author cleanup contributors
 */
class Boot40ShapeTests extends ShapeMatrixTests {

	@Override
	BootLine line() {
		return new BootLine("4.0", "spring.http.clients.imperative.factory", EnumSet.allOf(Shape.class), false);
	}

}
