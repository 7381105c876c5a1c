/** The apply role: runs a {@link io.atlas4j.plan.Plan} on a database, in a transaction where it can. */
package io.atlas4j.apply;
