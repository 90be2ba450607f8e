package dev.cleanup.tracking;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The calls in flight, each linked into one of a few lists through fields of its own, so
 * that tracking a call allocates nothing but the call (a concurrent set would add an
 * entry of about the call's size to every call). A call goes into the list of the thread
 * that starts it, so calls started on different threads rarely contend; each list has its
 * own lock, held only to link or unlink one call.
 *
 * @author cleanup contributors
 */
final class InFlightCallList {

	private static final int STRIPES = 16;

	private final Stripe[] stripes = new Stripe[STRIPES];

	InFlightCallList() {
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new Stripe();
		}
	}

	/**
	 * Return the list a call started on this thread goes into.
	 * @return the list's index
	 */
	int stripeForCurrentThread() {
		return (int) Thread.currentThread().getId() & (STRIPES - 1);
	}

	void add(InFlightCall call) {
		Stripe stripe = this.stripes[call.stripe()];
		synchronized (stripe) {
			InFlightCall head = stripe.head;
			call.next = head;
			if (head != null) {
				head.previous = call;
			}
			stripe.head = call;
			stripe.size++;
		}
	}

	/**
	 * Unlink a call.
	 * @param call the call
	 * @return whether it was linked: {@code false} when it was removed before
	 */
	boolean remove(InFlightCall call) {
		Stripe stripe = this.stripes[call.stripe()];
		synchronized (stripe) {
			InFlightCall previous = call.previous;
			if (previous == null && stripe.head != call) {
				return false;
			}
			InFlightCall next = call.next;
			if (previous != null) {
				previous.next = next;
			}
			else {
				stripe.head = next;
			}
			if (next != null) {
				next.previous = previous;
			}
			call.previous = null;
			call.next = null;
			stripe.size--;
			return true;
		}
	}

	int size() {
		int size = 0;
		for (Stripe stripe : this.stripes) {
			size += stripe.size;
		}
		return size;
	}

	void copyTo(List<InFlightCall> target) {
		for (Stripe stripe : this.stripes) {
			synchronized (stripe) {
				for (InFlightCall call = stripe.head; call != null; call = call.next) {
					target.add(call);
				}
			}
		}
	}

	private static final class Stripe {

		private @Nullable InFlightCall head;

		private volatile int size;

	}

}
