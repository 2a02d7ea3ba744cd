/**
 * The run index: every completed run folder under an output root, recorded in one embedded H2 database
 * file beside them ({@code <output-root>/innerlab.mv.db}) by {@link org.innerlab.index.RunIndex}, so past
 * runs can be listed and filtered ({@link org.innerlab.index.RunTable}, {@code innerlab runs}) and named
 * by id in {@code innerlab compare} and {@code innerlab report}.
 *
 * <p>The folders are the source of truth: what the index holds about a run
 * ({@link org.innerlab.index.IndexedRun}) is read from its folder alone, so the index can always be
 * rebuilt from them. This package sits between {@code lab}, whose experiment records each run as it
 * commits, and {@code report}, which reads a run folder back.
 */
package org.innerlab.index;
