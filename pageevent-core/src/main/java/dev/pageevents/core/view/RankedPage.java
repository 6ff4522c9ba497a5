package dev.pageevents.core.view;

/** A page and its visit count in a ranking. */
public record RankedPage(String page, long visits) {}
