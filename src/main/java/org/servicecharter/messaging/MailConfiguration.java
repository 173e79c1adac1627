package org.servicecharter.messaging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Where mail goes. With {@code spring.mail.host} set, Spring Boot's own mail sender (all {@code spring.mail.*}
 * properties: host, port, username, password, {@code properties.mail.smtp.starttls.enable}, ...). Without it, an SMTP
 * server inside the application on the loopback address ({@link EmbeddedMailServer}) and a sender pointed at it.
 */
@Configuration
@EnableScheduling
class MailConfiguration {

    @Bean
    MailTexts mailTexts(MailProperties properties, @Value("${servicecharter.public-base-url}") String baseUrl,
            org.servicecharter.platform.DatesForPeople dates) {
        return new MailTexts(properties, baseUrl, dates);
    }

    @Configuration
    @ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
    static class Embedded {

        @Bean(initMethod = "start", destroyMethod = "stop")
        EmbeddedMailServer embeddedMailServer(MailProperties properties) {
            return new EmbeddedMailServer(properties.embedded().host(), properties.embedded().port());
        }

        @Bean
        JavaMailSender embeddedMailSender(EmbeddedMailServer server) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl() {
                @Override
                public String getHost() {
                    return server.host();
                }

                @Override
                public int getPort() {
                    return server.port();
                }
            };
            sender.setHost(server.host());
            sender.setPort(server.port());
            sender.setDefaultEncoding("UTF-8");
            sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
            sender.getJavaMailProperties().put("mail.smtp.timeout", "10000");
            return sender;
        }
    }
}
