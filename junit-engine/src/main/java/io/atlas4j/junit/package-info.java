/**
 * The Atlas4J engine for the JUnit Platform: runs Atlas {@code *.test.hcl} files (schema tests) as
 * JUnit tests, in IDEs, build tools and the console launcher.
 *
 * <p>Files become containers, {@code test} blocks become tests, and a block with {@code for_each}
 * becomes a container of one test per row ({@code up/1}, {@code up/2}). {@code skip = true} cases are
 * reported skipped, {@code log} lines are reporting entries (key {@code log}), and output mismatches
 * fail with opentest4j's {@code AssertionFailedError} carrying the expected and actual text. Broken
 * files are discovery errors pointing at {@code file:line:col}; they fail the run before any case
 * starts.
 *
 * <p>Select files with any file-based selector: class-path roots and packages (scanned for
 * {@code *.test.hcl}), class-path resources, directories, files, URIs (all with an optional line, which
 * selects the case at that line) and unique ids. With Maven Surefire, a
 * {@code @Suite @IncludeEngines("atlas4j") @SelectClasspathResource("db/tests")} class does it.
 *
 * <p>Configure the run with the keys of {@link io.atlas4j.junit.Constants}, for example in
 * {@code junit-platform.properties}:
 *
 * <pre>
 * atlas4j.dev-url=docker://postgres/16/dev
 * atlas4j.url=file://src/main/resources/db/schema.sql
 * atlas4j.execution.parallel.enabled=true
 * </pre>
 *
 * <p>Only {@link io.atlas4j.junit.Atlas4jTestEngine} and {@link io.atlas4j.junit.Constants} are API;
 * everything else in this package may change.
 */
package io.atlas4j.junit;
