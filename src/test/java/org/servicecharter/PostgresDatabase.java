package org.servicecharter;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one test run, on the server CI starts (127.0.0.1:5432, trust auth, or
 * {@code SERVICECHARTER_TEST_POSTGRES_ADMIN_URL}). Never skipped: without the server the test fails.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final String ADMIN_URL = System.getenv().getOrDefault("SERVICECHARTER_TEST_POSTGRES_ADMIN_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    public static PostgresDatabase create(String prefix) throws SQLException {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL is needed for this test at " + ADMIN_URL
                    + " (start it: pg_ctlcluster --skip-systemctl-redirect <version> main start)", e);
        }
        return new PostgresDatabase(name);
    }

    public String name() {
        return name;
    }

    /** JDBC URL without credentials (trust auth; user given separately). */
    public String url() {
        return ADMIN_URL.replaceFirst("/postgres(\\?|$)", "/" + name + "$1").replaceFirst("\\?.*$", "");
    }

    public String user() {
        return "postgres";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    @Override
    public void close() throws SQLException {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
