package io.atlas4j.testing;

import io.atlas4j.source.SourceRange;

/** A line a case adds to its report: a {@code log} message or an error. */
public sealed interface ReportLine {

    /** The step (or {@code test} block) it belongs to. */
    SourceRange at();

    /** The text. */
    String message();

    /** A {@code log} step's message. */
    record Log(SourceRange at, String message) implements ReportLine {
    }

    /** An error: a failing step, a failed setup, or a failed cleanup. */
    record Error(SourceRange at, String message) implements ReportLine {
    }
}
