package org.servicecharter;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Service Charter: the department's procedures as BPMN/DMN models on an embedded Camunda 7 engine.
 * The process application deploys {@code processes/} and {@code forms/} (see META-INF/processes.xml).
 */
@SpringBootApplication
@EnableProcessApplication("service-charter")
@ConfigurationPropertiesScan
public class ServiceCharterApplication {

    public static void main(String[] args) {
        SpringApplication.run(ServiceCharterApplication.class, args);
    }
}
