package io.atlas4j.examples.sqlite;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/** Runs the *.test.hcl files under src/test/resources/schema-tests with the atlas4j engine. */
@Suite
@IncludeEngines("atlas4j")
@SelectClasspathResource("schema-tests")
class SchemaTestsTest {
}
