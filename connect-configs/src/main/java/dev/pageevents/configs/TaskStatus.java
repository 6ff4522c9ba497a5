package dev.pageevents.configs;

/**
 * One task's state from {@code GET /connectors/<name>/status}; {@code trace} is the failure's stack
 * trace, null unless FAILED.
 */
public record TaskStatus(int id, String state, String workerId, String trace) {}
