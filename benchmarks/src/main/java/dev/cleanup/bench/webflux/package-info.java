/**
 * A WebFlux variant of the sample service, for shutdown benchmarks.
 */
@NullMarked
package dev.cleanup.bench.webflux;

import org.jspecify.annotations.NullMarked;
