package io.cpabench.gil;

public record GilStats(long acquisitions, long switches, long dropRequests, long forcedSwitchWaits, long waitNanos) {}
