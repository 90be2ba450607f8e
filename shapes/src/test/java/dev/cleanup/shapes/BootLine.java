package dev.cleanup.shapes;

import java.util.Set;

/**
 * What differs between the Boot lines for the shapes: the property that chooses the
 * request factory of Boot's builders, the shapes the line has, and whether the SIGTERM
 * comparison runs there (on Boot 4.1; the other lines start, answer and exit).
 *
 * @param name the line, for example {@code 4.1}
 * @param requestFactoryProperty the property that chooses Boot's request factory
 * @param shapes the shapes the line has
 * @param callsInFlightAtSigterm whether background calls are in flight at SIGTERM
 * @author cleanup contributors
 */
record BootLine(String name, String requestFactoryProperty, Set<Shape> shapes, boolean callsInFlightAtSigterm) {

}
