package org.servicecharter.complaint;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** On H2 (the default database) the record of complaint corrections refuses UPDATE and DELETE, as on PostgreSQL. */
public class H2CorrectionsAppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("The record of complaint corrections is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " on complaint_correction is refused.", "42501");
    }
}
