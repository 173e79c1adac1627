package org.servicecharter.employeefile;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** On H2 (the default database) the employee file refuses UPDATE and DELETE, like PostgreSQL's trigger does. */
public class H2AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("The employee file is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " on employee_file_entry is refused.", "42501");
    }
}
