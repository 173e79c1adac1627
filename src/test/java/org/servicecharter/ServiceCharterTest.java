package org.servicecharter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with an in-memory database and the job executor off (tests drive
 * timers). Every test class uses this one configuration, so Spring starts the engine once for the suite: the
 * process application is registered per JVM and must not be started twice. Tests create their own data and
 * never assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ServiceCharterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(SqlCounting.class)
public @interface ServiceCharterTest {
}
