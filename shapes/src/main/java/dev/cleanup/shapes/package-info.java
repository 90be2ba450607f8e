/**
 * Small applications written the way users write them, one per shape (class path, scopes,
 * clients), each in a package of its own so that none scans another's beans. The shape
 * matrix runs each in a child JVM with the starter and without it.
 */
package dev.cleanup.shapes;
