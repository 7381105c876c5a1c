package io.atlas4j.cli.output;

import io.atlas4j.migrate.MigrationFile;
import io.atlas4j.migrate.apply.Pending;
import io.atlas4j.migrate.apply.Revision;
import io.atlas4j.migrate.apply.StatusReport;
import io.atlas4j.url.Redaction;
import java.util.List;

/**
 * {@code migrate status --format '{{ json . }}'}: Atlas's status object (migrate-dir.md §8) with {@code Env},
 * {@code Available}, {@code OutOfOrder}, {@code Pending}, {@code Applied}, {@code Current}, {@code Next},
 * {@code Count}, {@code Total}, {@code Status}, {@code Error} and {@code SQL}; empty lists, absent versions and
 * zero counts are left out, as Atlas's {@code omitempty} does.
 */
public final class MigrateStatusJson {

    private MigrateStatusJson() {
    }

    /**
     * The object for {@code report}, the directory's {@code files}, the database's {@code revisions} and the
     * {@code pending} computation they give.
     */
    public static Json.Obj of(Json.Obj env, StatusReport report, List<MigrationFile> files, List<Revision> revisions,
                              Pending pending) {
        Json.Obj o = Json.object().put("Env", env);
        JsonFormat.putList(o, "Available", files.stream().map(MigrateApplyReport::file).toList());
        JsonFormat.putList(o, "OutOfOrder", pending.outOfOrder().stream().map(MigrateApplyReport::file).toList());
        JsonFormat.putList(o, "Pending", pending.files().stream().map(MigrateApplyReport::file).toList());
        JsonFormat.putList(o, "Applied", revisions.stream().map(MigrateStatusJson::revision).toList());
        o.putIfPresent("Current", report.current()).putIfPresent("Next", report.outOfOrder() > 0 ? null : report.next());
        Revision partial = report.partial();
        if (partial != null) {
            // Count and Total describe the partially applied last file.
            o.put("Count", partial.applied()).put("Total", partial.total());
        }
        o.put("Status", report.status());
        if (partial != null && partial.failed()) {
            o.put("Error", partial.error()).put("SQL", partial.errorStmt());
        } else if (report.outOfOrderError() != null) {
            o.put("Error", report.outOfOrderError());
        }
        return o;
    }

    /** The object of a status that could not be computed: {@code Env} and {@code Error} only. */
    public static Json.Obj failed(Json.Obj env, String error) {
        return Json.object().put("Env", env).put("Error", Redaction.mask(error == null ? "unknown error" : error));
    }

    /** One row of the revisions table, with the column names Atlas's revision has. */
    static Json.Obj revision(Revision r) {
        Json.Obj o = Json.object().put("Version", r.version()).put("Description", r.description())
                .put("Type", Revision.typeName(r.type())).put("Applied", r.applied()).put("Total", r.total())
                .put("ExecutedAt", MigrateApplyReport.time(r.executedAt())).put("ExecutionTime", r.executionTime());
        if (r.failed()) {
            o.put("Error", r.error()).put("ErrorStmt", r.errorStmt());
        }
        return o.put("Hash", r.hash()).put("OperatorVersion", r.operatorVersion());
    }
}
