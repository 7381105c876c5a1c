package io.atlas4j.testing.steps;

import io.atlas4j.source.SourceRange;
import io.atlas4j.testing.ConsoleReport;
import io.atlas4j.testing.Failure;
import java.time.Duration;

/**
 * When a case must be over ({@code --timeout}, {@code atlas4j.timeout}): statements get the rest as
 * their query timeout, programs are stopped when it passes, and no step starts after it.
 *
 * @param limit the case's whole budget, for messages
 * @param endNanos {@link System#nanoTime()} at which the budget is spent
 */
public record Deadline(Duration limit, long endNanos) {

    /** A deadline {@code limit} from now. */
    public static Deadline after(Duration limit) {
        return new Deadline(limit, System.nanoTime() + limit.toNanos());
    }

    /** What is left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    /** Whether the budget is spent. */
    public boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The failure of a case that ran out of time at {@code at}. */
    public Failure failure(SourceRange at, String what) {
        return new Failure(at, Failure.Kind.ERROR,
                "case timed out after " + ConsoleReport.duration(limit) + (what == null ? "" : ": " + what), null, null, null);
    }
}
