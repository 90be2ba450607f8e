/**
 * Child processes for the tests and benchmarks whose claims are about a real process: its
 * exit, its reaction to SIGTERM, its output.
 */
package dev.cleanup.testsupport;
