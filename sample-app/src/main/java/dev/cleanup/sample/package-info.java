/**
 * Sample service for the cleanup starter.
 */
@NullMarked
package dev.cleanup.sample;

import org.jspecify.annotations.NullMarked;
