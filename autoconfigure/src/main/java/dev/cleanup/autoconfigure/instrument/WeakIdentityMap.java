package dev.cleanup.autoconfigure.instrument;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A map from objects, by identity and held weakly, to values held strongly. Not
 * {@link java.util.WeakHashMap}, which compares keys with their own {@code equals}: two
 * equal beans or pools are still two, and a bean's {@code hashCode} is its own code,
 * which may be slow or fail while Spring destroys it. Its methods synchronize on the map.
 *
 * @param <V> the type of the values
 * @author cleanup contributors
 */
final class WeakIdentityMap<V> {

	private final Map<Key, V> entries = new HashMap<>();

	private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

	synchronized @Nullable V get(Object key) {
		expungeCollected();
		return this.entries.get(new Key(key, null));
	}

	synchronized void put(Object key, V value) {
		expungeCollected();
		this.entries.put(new Key(key, this.collected), value);
	}

	synchronized @Nullable V remove(Object key) {
		expungeCollected();
		return this.entries.remove(new Key(key, null));
	}

	/**
	 * Return how many keys are still held.
	 * @return the number of entries whose key was not collected yet
	 */
	synchronized int size() {
		expungeCollected();
		return this.entries.size();
	}

	private void expungeCollected() {
		for (Reference<?> key = this.collected.poll(); key != null; key = this.collected.poll()) {
			this.entries.remove(key);
		}
	}

	/**
	 * A key: equal to another only for the same object, or to itself once collected.
	 */
	private static final class Key extends WeakReference<Object> {

		private final int hash;

		Key(Object referent, @Nullable ReferenceQueue<Object> queue) {
			super(referent, queue);
			this.hash = System.identityHashCode(referent);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			if (this == other) {
				return true;
			}
			Object referent = get();
			return other instanceof Key key && referent != null && key.refersTo(referent);
		}

		@Override
		public int hashCode() {
			return this.hash;
		}

	}

}
