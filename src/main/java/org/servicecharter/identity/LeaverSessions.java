package org.servicecharter.identity;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * A leaver's open web-app sessions end when they leave ({@link Leavers.Left}, once the leaving is committed): without
 * this, a browser logged in before would keep the groups its login cached until the web apps' authentication cache
 * expires (five minutes by default). Knows the sessions of this node: another node of a cluster drops the leaver's
 * groups when its cache expires.
 */
@Component
class LeaverSessions implements HttpSessionListener {

    private final Set<HttpSession> sessions = ConcurrentHashMap.newKeySet();

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        sessions.add(event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.remove(event.getSession());
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void left(Leavers.Left left) {
        for (HttpSession session : List.copyOf(sessions)) {
            try {
                Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
                if (authentications != null && authentications.getAuthentications().stream()
                        .anyMatch(authentication -> left.userId().equals(authentication.getIdentityId()))) {
                    session.invalidate();
                }
            } catch (IllegalStateException alreadyInvalidated) {
                sessions.remove(session);
            }
        }
    }
}
