package io.atlas4j.dialect.postgres.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas4j.dialect.postgres.PostgresAttrs.CheckOption;
import io.atlas4j.dialect.postgres.PostgresAttrs.Leakproof;
import io.atlas4j.schema.Func;
import io.atlas4j.schema.Realm;
import io.atlas4j.schema.Schema;
import io.atlas4j.schema.Trigger;
import org.junit.jupiter.api.Test;

/** HCL the server round trip needs: what inspection writes must read back. */
class PostgresHclRoundTripFixesTest {

    private static final String TABLES = "schema \"public\" {}\n"
            + "table \"a\" {\n  schema = schema.public\n  column \"id\" { type = int }\n}\n"
            + "table \"b\" {\n  schema = schema.public\n  column \"id\" { type = int }\n}\n"
            + "function \"f\" {\n  schema = schema.public\n  lang = PLpgSQL\n  return = trigger\n  as = \"BEGIN RETURN NULL; END;\"\n}\n";

    @Test
    void triggersOfOneNameOnDifferentTablesAreTwoTriggers() {
        String trigger = "  after { insert = true }\n  for = ROW\n  execute { function = function.f }\n}\n";
        Realm realm = Pg.read(TABLES + "trigger \"t\" {\n  on = table.a\n" + trigger + "trigger \"t\" {\n  on = table.b\n" + trigger);
        Schema s = realm.schema("public").orElseThrow();
        assertThat(s.table("a").orElseThrow().triggers()).extracting(Trigger::name).containsExactly("t");
        assertThat(s.table("b").orElseThrow().triggers()).extracting(Trigger::name).containsExactly("t");
        assertThat(Pg.read(Pg.write(realm))).isEqualTo(realm);
    }

    @Test
    void eventTriggerFunctionsReturnEventTrigger() {
        Realm realm = Pg.read("schema \"public\" {}\nfunction \"g\" {\n  schema = schema.public\n  lang = PLpgSQL\n"
                + "  return = event_trigger\n  leakproof = true\n  as = \"BEGIN END;\"\n}\n");
        Func g = realm.schema("public").orElseThrow().funcs().get(0);
        assertThat(g.returns()).isEqualTo("event_trigger");
        assertThat(g.attrs()).contains(new Leakproof());
        assertThat(Pg.write(realm)).contains("return    = event_trigger").contains("leakproof = true");
    }

    @Test
    void viewsKeepTheirCheckOption() {
        Realm realm = Pg.read(TABLES + "view \"v\" {\n  schema = schema.public\n  as = \"SELECT id FROM a\"\n"
                + "  check_option = CASCADED\n  column \"id\" { type = int }\n}\n");
        assertThat(realm.schema("public").orElseThrow().views().get(0).attrs()).contains(new CheckOption(true));
        assertThat(Pg.write(realm)).contains("check_option = CASCADED");
        assertThat(Pg.read(Pg.write(realm))).isEqualTo(realm);
    }
}
