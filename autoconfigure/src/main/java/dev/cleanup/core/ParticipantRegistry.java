package dev.cleanup.core;

import dev.cleanup.core.plan.ParticipantNames;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Holds the participants of one application. Participants held weakly drop out once their
 * resource is collected, so the registry stays as large as the set of live pools.
 *
 * @author cleanup contributors
 * @since 0.1.0
 */
public class ParticipantRegistry {

	private static final int MIN_SWEEP_INTERVAL = 64;

	private final Map<String, Participant> participants = new LinkedHashMap<>();

	private final List<Consumer<Participant>> listeners = new CopyOnWriteArrayList<>();

	private int registrationsSinceSweep;

	/**
	 * Register a participant. If its name is taken by a live participant, a suffix
	 * ({@code -2}, {@code -3}, ...) makes it unique.
	 * @param participant the participant
	 * @return the registered participant, whose name may differ from the one given
	 */
	public Participant register(Participant participant) {
		Participant registered;
		synchronized (this.participants) {
			sweepIfDue();
			String name = uniqueName(participant.name());
			registered = name.equals(participant.name()) ? participant : participant.withName(name);
			this.participants.put(name, registered);
		}
		notifyListeners(registered);
		return registered;
	}

	private void notifyListeners(Participant registered) {
		for (Consumer<Participant> listener : this.listeners) {
			listener.accept(registered);
		}
	}

	/**
	 * Register a participant built for the unique name the registry gives it, for
	 * participants whose parts (such as the client its calls are tracked on) carry the
	 * name.
	 * @param baseName the name to derive the unique name from
	 * @param factory builds the participant for its unique name, which it must keep
	 * @return the registered participant
	 */
	public Participant register(String baseName, Function<String, Participant> factory) {
		Participant registered;
		synchronized (this.participants) {
			sweepIfDue();
			String name = uniqueName(ParticipantNames.sanitize(baseName));
			registered = factory.apply(name);
			if (!registered.name().equals(name)) {
				throw new IllegalArgumentException(
						"Participant '" + registered.name() + "' must keep the name it was given, '" + name + "'");
			}
			this.participants.put(name, registered);
		}
		notifyListeners(registered);
		return registered;
	}

	/**
	 * Register anything closable, closed in the close stage with that stage's timeout.
	 * Use {@link Participant#builder(String)} to choose the stage, the timeout or a
	 * forced close.
	 * @param name the name
	 * @param closeable what to close
	 * @return the registered participant
	 */
	public Participant register(String name, AutoCloseable closeable) {
		return register(Participant.builder(name).teardown(Teardown.of(closeable)).build());
	}

	/**
	 * Remove a participant, for example because its resource was closed by its owner.
	 * @param name the participant's name
	 * @return the removed participant or {@code null}
	 */
	public @Nullable Participant remove(String name) {
		synchronized (this.participants) {
			return this.participants.remove(name);
		}
	}

	/**
	 * Return the participant with the given name, if it is still live.
	 * @param name the name
	 * @return the participant or {@code null}
	 */
	public @Nullable Participant find(String name) {
		synchronized (this.participants) {
			Participant participant = this.participants.get(name);
			return (participant != null && !participant.isCollected()) ? participant : null;
		}
	}

	/**
	 * Return the live participants in registration order, dropping collected ones.
	 * @return a snapshot
	 */
	public List<Participant> participants() {
		synchronized (this.participants) {
			sweep();
			return new ArrayList<>(this.participants.values());
		}
	}

	/**
	 * Return how many participants are held, collected ones not yet swept included.
	 * @return the number of entries
	 */
	public int size() {
		synchronized (this.participants) {
			return this.participants.size();
		}
	}

	/**
	 * Add a listener told of every registration.
	 * @param listener the listener
	 */
	public void addListener(Consumer<Participant> listener) {
		this.listeners.add(listener);
	}

	private String uniqueName(String name) {
		Participant existing = this.participants.get(name);
		if (existing == null || existing.isCollected()) {
			return name;
		}
		for (int suffix = 2;; suffix++) {
			String candidate = ParticipantNames.sanitize(trimForSuffix(name, suffix) + "-" + suffix);
			existing = this.participants.get(candidate);
			if (existing == null || existing.isCollected()) {
				return candidate;
			}
		}
	}

	private static String trimForSuffix(String name, int suffix) {
		int room = ParticipantNames.MAX_LENGTH - String.valueOf(suffix).length() - 1;
		return (name.length() > room) ? name.substring(0, room) : name;
	}

	private void sweepIfDue() {
		// Amortized: sweeping every registration would make registration O(n)
		if (++this.registrationsSinceSweep >= Math.max(MIN_SWEEP_INTERVAL, this.participants.size() / 2)) {
			sweep();
		}
	}

	private void sweep() {
		this.registrationsSinceSweep = 0;
		Iterator<Participant> iterator = this.participants.values().iterator();
		while (iterator.hasNext()) {
			if (iterator.next().isCollected()) {
				iterator.remove();
			}
		}
	}

}
