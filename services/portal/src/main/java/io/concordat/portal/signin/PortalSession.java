package io.concordat.portal.signin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One signed-in person's session, kept on the server: the browser holds only its random id. The
 * tokens never leave the portal; pages are rendered from what the services answer to them.
 */
public final class PortalSession {

    private final String id;
    private final String username;
    private final List<String> roles;
    private final UUID authorityId;
    private final String csrfToken;
    private final String idToken;
    private String authorityName;
    private volatile String accessToken;
    private volatile Instant accessExpiresAt;
    private volatile String refreshToken;
    private volatile Instant lastUsed;

    PortalSession(String id, String username, List<String> roles, UUID authorityId, String csrfToken, String idToken,
                  String accessToken, Instant accessExpiresAt, String refreshToken, Instant now) {
        this.id = id;
        this.username = username;
        this.roles = List.copyOf(roles);
        this.authorityId = authorityId;
        this.csrfToken = csrfToken;
        this.idToken = idToken;
        this.accessToken = accessToken;
        this.accessExpiresAt = accessExpiresAt;
        this.refreshToken = refreshToken;
        this.lastUsed = now;
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public List<String> roles() {
        return roles;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** An officer or admin of a council: may propose, join, write business cases and record decisions. */
    public boolean isOfficer() {
        return hasRole("authority-officer") || hasRole("authority-admin");
    }

    public boolean isCouncillor() {
        return hasRole("board-member");
    }

    public UUID authorityId() {
        return authorityId;
    }

    public String authorityName() {
        return authorityName;
    }

    public void authorityName(String name) {
        this.authorityName = name;
    }

    public String csrfToken() {
        return csrfToken;
    }

    String idToken() {
        return idToken;
    }

    String accessToken() {
        return accessToken;
    }

    Instant accessExpiresAt() {
        return accessExpiresAt;
    }

    String refreshToken() {
        return refreshToken;
    }

    void refreshed(String accessToken, Instant expiresAt, String refreshToken) {
        this.accessToken = accessToken;
        this.accessExpiresAt = expiresAt;
        if (refreshToken != null) {
            this.refreshToken = refreshToken;
        }
    }

    Instant lastUsed() {
        return lastUsed;
    }

    void used(Instant now) {
        this.lastUsed = now;
    }
}
