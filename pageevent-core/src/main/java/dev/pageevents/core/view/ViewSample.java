package dev.pageevents.core.view;

import java.time.Instant;

/**
 * What the demo asks every store about: a page, a user and a moment in event time.
 *
 * @param page a page, e.g. the most visited one
 * @param user a user who visited pages
 * @param eventTime a time inside the events' range (picks a partition or a time bucket)
 */
public record ViewSample(String page, String user, Instant eventTime) {}
