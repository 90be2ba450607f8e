/**
 * Real things for the tests and benchmarks: child processes whose claims are about a real
 * process (its exit, its reaction to SIGTERM, its output), the JDKs to run them with, and
 * a slow upstream HTTP server on the loopback address.
 */
package dev.cleanup.buildsupport;
