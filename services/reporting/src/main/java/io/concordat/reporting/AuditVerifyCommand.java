package io.concordat.reporting;

import io.concordat.reporting.app.AuditTrail;
import io.concordat.reporting.domain.AuditVerification;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Verifies the audit trail straight from reporting's database, without the service running:
 * {@code java -cp <reporting's class path> io.concordat.reporting.AuditVerifyCommand <jdbc-url> <user>}
 * with the password in {@code CONCORDAT_AUDIT_DB_PASSWORD}. Prints the entries checked or the first
 * broken link and exits 0 when the trail holds, 1 when it does not, 2 when it cannot be read.
 */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv("CONCORDAT_AUDIT_DB_PASSWORD"), System.out, System.err));
    }

    static int run(String[] args, String password, PrintStream out, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: AuditVerifyCommand <jdbc-url> <user>   (password in CONCORDAT_AUDIT_DB_PASSWORD)");
            return 2;
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], password == null ? "" : password)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement platform = connection.prepareStatement("select set_config('concordat.platform', 'on', true)")) {
                platform.execute();
            }
            AuditVerification verification = AuditTrail.verify(connection);
            connection.rollback();
            if (verification.intact()) {
                out.println("audit trail intact: " + verification.entriesChecked() + " entries");
                return 0;
            }
            var broken = verification.firstBreak().orElseThrow();
            out.println("audit trail broken at entry " + broken.sequence()
                    + (broken.eventId() == null ? "" : " (event " + broken.eventId() + ")") + ": " + broken.problem());
            return 1;
        } catch (SQLException e) {
            err.println("cannot read the audit trail: " + e.getMessage());
            return 2;
        }
    }
}
