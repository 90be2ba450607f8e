package dev.cleanup.shapes;

import java.util.EnumSet;

/**
 * The shape matrix on Spring Boot 4.1, with background calls in flight at SIGTERM.
 *
 * @author cleanup contributors
 */
class Boot41ShapeTests extends ShapeMatrixTests {

	@Override
	BootLine line() {
		return new BootLine("4.1", "spring.http.clients.imperative.factory", EnumSet.allOf(Shape.class), true);
	}

}
