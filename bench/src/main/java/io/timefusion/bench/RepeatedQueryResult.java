package io.timefusion.bench;

/**
 * One gateway configuration's runs of the dashboard query.
 *
 * @param firstRunMillis the first execution on a fresh gateway: with the cache on, the miss that fills it
 * @param cacheHits executions of the measured runs answered from the cache (0 with the cache off)
 * @param othersCpuShare fraction of the machine's CPU other processes used during the measured runs
 */
record RepeatedQueryResult(String gateway, double firstRunMillis, int warmups, Latencies measured, long cacheHits, double othersCpuShare) {}
