/**
 * Teardowns for Apache HttpClient 5, classic and async: measure, drain and close a client
 * and its connection manager.
 */
@NullMarked
package dev.cleanup.client.apache;

import org.jspecify.annotations.NullMarked;
