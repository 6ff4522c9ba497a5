package dev.pageevents.core.view;

/**
 * What a store's read view says about one page: how many visits it holds and their total duration.
 * The comparison of stores lines these up against the ground truth computed from the topic.
 *
 * @param page the page
 * @param visits number of events (documents, rows...) for the page
 * @param totalDurationMs sum of their durations
 */
public record PageTotals(String page, long visits, long totalDurationMs) {}
