package io.atlas4j.testing;

import io.atlas4j.testdsl.TestCase;
import io.atlas4j.testdsl.TestFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs whole files the way Atlas does: cases filtered by {@code --run}, sequential cases first in file
 * and source order, then the parallel cases together on one shared copy of the schema.
 */
public final class TestRun {

    private TestRun() {
    }

    /**
     * Runs every selected case of {@code files} on {@code environment}, reporting to {@code listener}
     * (called from worker threads for parallel cases, one event at a time).
     *
     * @throws io.atlas4j.error.Atlas4jException when the environment cannot start
     */
    public static RunSummary run(TestEnvironment environment, List<TestFile> files, CaseListener listener) {
        List<TestCase> sequential = new ArrayList<>();
        List<TestCase> parallel = new ArrayList<>();
        for (TestFile file : files) {
            for (TestCase testCase : file.cases()) {
                if (RunFilter.selects(environment.config().run(), testCase)) {
                    (testCase.parallel() ? parallel : sequential).add(testCase);
                }
            }
        }
        Counter counter = new Counter(listener);
        if (sequential.stream().anyMatch(c -> !c.skip()) || parallel.stream().anyMatch(c -> !c.skip())) {
            environment.start();
            environment.expect(sequential);
        }
        for (TestCase testCase : sequential) {
            environment.run(testCase, counter);
        }
        if (!parallel.isEmpty()) {
            runParallel(environment, parallel, counter);
        }
        return counter.summary();
    }

    private static void runParallel(TestEnvironment environment, List<TestCase> cases, Counter counter) {
        int configured = environment.config().parallelism();
        int workers = Math.min(cases.size(), configured > 0 ? configured : Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "atlas4j-parallel");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CaseResult>> futures = new ArrayList<>();
            for (TestCase testCase : cases) {
                futures.add(pool.submit(() -> environment.run(testCase, counter)));
            }
            for (Future<CaseResult> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException) {
                        throw (RuntimeException) e.getCause();
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while running parallel cases", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts results and serialises events, so listeners need not be thread-safe. */
    private static final class Counter implements CaseListener {
        private final CaseListener delegate;
        private final AtomicInteger passed = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger skipped = new AtomicInteger();

        Counter(CaseListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized void caseStarted(TestCase testCase) {
            delegate.caseStarted(testCase);
        }

        @Override
        public synchronized void logged(TestCase testCase, ReportLine.Log line) {
            delegate.logged(testCase, line);
        }

        @Override
        public synchronized void caseFinished(CaseResult result) {
            switch (result.status()) {
                case PASSED:
                    passed.incrementAndGet();
                    break;
                case FAILED:
                    failed.incrementAndGet();
                    break;
                default:
                    skipped.incrementAndGet();
            }
            delegate.caseFinished(result);
        }

        RunSummary summary() {
            return new RunSummary(passed.get(), failed.get(), skipped.get());
        }
    }
}
