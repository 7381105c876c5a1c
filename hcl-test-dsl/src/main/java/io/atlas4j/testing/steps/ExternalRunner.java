package io.atlas4j.testing.steps;

import io.atlas4j.testdsl.Step;
import io.atlas4j.testing.Failure;
import io.atlas4j.testing.output.OutputComparator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code external}: runs a program without a shell (arguments as given, the executable from
 * {@code PATH}); it must exit 0, and its stdout is checked against {@code output} or {@code match}.
 */
final class ExternalRunner implements StepRunner<Step.External> {

    @Override
    public void run(Step.External step, StepContext context) throws StepFailedException {
        String program = step.program().get(0);
        Path dir = step.workingDir().map(d -> context.workingDir().resolve(d)).orElse(context.workingDir());
        ProcessBuilder builder = new ProcessBuilder(step.program()).directory(dir.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StepFailedException(new Failure(step.range(), Failure.Kind.ERROR,
                    "program \"" + program + "\" could not be started: " + e.getMessage(), null, null, e));
        }
        // Both streams are drained concurrently, or a chatty program blocks on a full pipe.
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        int status;
        try {
            process.getOutputStream().close();
            if (context.deadline() == null) {
                status = process.waitFor();
            } else if (process.waitFor(context.deadline().remaining().toNanos(), TimeUnit.NANOSECONDS)) {
                status = process.exitValue();
            } else {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new StepFailedException(context.deadline().failure(step.range(),
                        "program \"" + program + "\" was stopped"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StepFailedException(new Failure(step.range(), Failure.Kind.ERROR,
                    "program \"" + program + "\" was interrupted", null, null, e));
        }
        String out = stdout.join();
        String err = stderr.join().strip();
        if (status != 0) {
            throw new StepFailedException(new Failure(step.range(), Failure.Kind.ERROR,
                    "program \"" + program + "\" exited with status " + status + (err.isEmpty() ? "" : ": " + err),
                    null, null, null));
        }
        String shown = trimNewlines(out);
        Expectations.check(step.range(), step.expectation(), expected -> OutputComparator.matchesText(expected, out), shown);
    }

    private static String trimNewlines(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == '\n' || s.charAt(start) == '\r')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String readAll(InputStream in) {
        try (in; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
