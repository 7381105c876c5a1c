/** The plan role: turns changes into ordered SQL statements with comments and reverse statements. */
package io.atlas4j.plan;
