package org.servicecharter.messaging;

import java.net.Socket;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server (GreenMail) that answers {@code 550} to any recipient at {@code refused.example}, as a relay does for an unknown mailbox. */
class RefusingRelay extends GreenMail {

    static final String REFUSED_DOMAIN = "refused.example";

    RefusingRelay(int port) {
        super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = super.createServices(config, managers);
        SmtpManager refusing = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress address) {
                return REFUSED_DOMAIN.equalsIgnoreCase(address.getHost()) ? "550 5.1.1 <" + address.getEmail() + ">: mailbox unknown" : null;
            }
        };
        services.put(ServerSetup.PROTOCOL_SMTP, new SmtpServer(config[0], managers) {
            @Override
            protected ProtocolHandler createProtocolHandler(Socket socket) {
                return new SmtpHandler(new SmtpCommandRegistry(), refusing, socket);
            }
        });
        return services;
    }
}
