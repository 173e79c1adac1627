package org.servicecharter.messaging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP server of the quick start (GreenMail, inside the JVM, on the loopback address): started when
 * {@code spring.mail.host} is not set, so that what the application sends can be read on {@code /admin/mail}.
 * It keeps what it received in memory until the application stops. Stopped and started again it listens on the same
 * port (a relay that was down for a while).
 */
public class EmbeddedMailServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final String host;
    private int port;
    private GreenMail server;
    private final List<MimeMessage> before = new ArrayList<>();

    EmbeddedMailServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        ServerSetup setup = new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP);
        if (port == 0) {
            setup = setup.dynamicPort();
        }
        server = new GreenMail(setup);
        server.start();
        port = server.getSmtp().getPort();
        log.info("Mail goes to the embedded SMTP server on {}:{} (no spring.mail.host set): administrators read it on /admin/mail",
                host, port);
    }

    /** Stops listening; what was received stays readable. */
    public synchronized void stop() {
        if (server != null) {
            before.addAll(Arrays.asList(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    public String host() {
        return host;
    }

    public synchronized int port() {
        return port;
    }

    /** Everything received since the application started, oldest first. */
    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(before);
        if (server != null) {
            all.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return all;
    }
}
