package io.cpabench.gil;

/**
 * A snapshot of a {@link Gil}'s counters since it was created or last reset.
 *
 * @param acquisitions      times any thread took the lock
 * @param switches          acquisitions by a thread other than the previous holder
 * @param dropRequests      times a waiter, after a full switch interval without a switch, asked the holder to drop
 * @param forcedSwitchWaits times a holder that dropped on request waited for another thread to take over
 * @param waitNanos         total time threads spent waiting to acquire
 */
public record GilStats(long acquisitions, long switches, long dropRequests, long forcedSwitchWaits, long waitNanos) {}
