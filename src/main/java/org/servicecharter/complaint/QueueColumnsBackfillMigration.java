package org.servicecharter.complaint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 40.1: fills the register's queue and SLA columns (migration 40) for the complaints that existed
 * before {@link ComplaintQueueTracker} kept them: each open complaint's queue and due date from its current handling
 * task, and each complaint's first SLA breach from the engine's history of this feature's model. Once; on a database
 * whose engine tables do not exist yet (a fresh one) there is nothing to fill.
 */
@Component
public class QueueColumnsBackfillMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(QueueColumnsBackfillMigration.class);

    static final String HANDLING_TASKS = "('" + ComplaintProcess.HANDLE_COMPLAINT + "', '" + ComplaintProcess.MANAGER_RESOLVES
            + "', '" + ComplaintProcess.RECOVER_SERVICE + "')";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("40.1");
    }

    @Override
    public String getDescription() {
        return "complaint queue and SLA columns filled from the engine";
    }

    @Override
    public Integer getChecksum() {
        return 401;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!exists(connection, "ACT_RU_TASK") || !exists(connection, "ACT_HI_ACTINST")) {
            log.info("Complaint queues: the engine's tables do not exist yet, nothing to fill");
            return;
        }
        int open;
        try (PreparedStatement update = connection.prepareStatement("UPDATE complaint SET"
                + " handling_queue = (SELECT MIN(l.GROUP_ID_) FROM ACT_RU_TASK t JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_"
                + "   WHERE t.PROC_INST_ID_ = complaint.process_instance_id AND t.TASK_DEF_KEY_ IN " + HANDLING_TASKS
                + "   AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL),"
                + " sla_due_at = (SELECT MAX(t.DUE_DATE_) FROM ACT_RU_TASK t"
                + "   WHERE t.PROC_INST_ID_ = complaint.process_instance_id AND t.TASK_DEF_KEY_ IN " + HANDLING_TASKS + ")"
                + " WHERE status IN " + RegisterComplaintFigures.OPEN_STATUSES + " AND handling_queue IS NULL")) {
            open = update.executeUpdate();
        }
        int breached;
        try (PreparedStatement update = connection.prepareStatement("UPDATE complaint SET sla_breached_at ="
                + " (SELECT MIN(a.START_TIME_) FROM ACT_HI_ACTINST a WHERE a.PROC_INST_ID_ = complaint.process_instance_id"
                + "   AND a.ACT_ID_ = ?) WHERE sla_breached_at IS NULL AND EXISTS (SELECT 1 FROM ACT_HI_ACTINST a"
                + "   WHERE a.PROC_INST_ID_ = complaint.process_instance_id AND a.ACT_ID_ = ?)")) {
            update.setString(1, ComplaintProcess.FOLLOW_UP_OVERDUE);
            update.setString(2, ComplaintProcess.FOLLOW_UP_OVERDUE);
            breached = update.executeUpdate();
        }
        log.info("Complaint queues: {} open complaints' queues and {} complaints' first breaches read from the engine", open, breached);
    }

    private static boolean exists(Connection connection, String table) throws Exception {
        for (String name : new String[] {table, table.toLowerCase()}) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
