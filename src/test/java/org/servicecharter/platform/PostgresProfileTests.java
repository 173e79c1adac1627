package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.servicecharter.PostgresDatabase;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The postgres profile's connection pool, bound as Spring binds it, on the PostgreSQL server of the tests. */
class PostgresProfileTests {

    @Test
    void connectionsOfThePostgresProfileDoNotCompileQueries() throws Exception {
        PropertySource<?> profile = new YamlPropertySourceLoader()
                .load("postgres", new ClassPathResource("application-postgres.yaml")).get(0);
        HikariConfig pool = new Binder(ConfigurationPropertySources.from(profile), new PropertySourcesPlaceholdersResolver(List.of(profile)))
                .bind("spring.datasource.hikari", HikariConfig.class).get();
        try (PostgresDatabase db = PostgresDatabase.create("sc_profile")) {
            pool.setJdbcUrl(db.url());
            pool.setUsername(db.user());
            pool.setMaximumPoolSize(1);
            try (HikariDataSource dataSource = new HikariDataSource(pool);
                    Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet jit = statement.executeQuery("SHOW jit")) {
                jit.next();
                assertThat(jit.getString(1)).isEqualTo("off");
            }
        }
    }
}
