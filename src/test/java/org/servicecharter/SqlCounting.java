package org.servicecharter;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.QueryCount;
import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the application's DataSource with datasource-proxy so tests can count the SQL statements a step issues.
 * Counts are per thread: run the step in the test's own thread.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlCounting {

    private static final ThreadLocal<List<String>> STATEMENTS = new ThreadLocal<>();

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
                    return ProxyDataSourceBuilder.create(dataSource).name("counted").countQuery()
                            .afterQuery((execution, queries) -> {
                                List<String> texts = STATEMENTS.get();
                                if (texts != null) {
                                    queries.forEach(query -> texts.add(query.getQuery()));
                                }
                            }).build();
                }
                return bean;
            }
        };
    }

    /** Statements issued by this thread while running the step. */
    public static long statementsOf(Runnable step) {
        QueryCountHolder.clear();
        step.run();
        QueryCount count = QueryCountHolder.getGrandTotal();
        QueryCountHolder.clear();
        return count.getTotal();
    }

    /** The text of each statement this thread issued while running the step, in order. */
    public static List<String> statementTextsOf(Runnable step) {
        List<String> texts = new ArrayList<>();
        STATEMENTS.set(texts);
        try {
            step.run();
        } finally {
            STATEMENTS.remove();
        }
        return texts;
    }
}
