package io.concordat.portal.web;

import io.concordat.portal.signin.PortalSession;

/** Fills in what a session learns after sign-in (the council's name, read once from the directory). */
final class Sessions {

    private Sessions() {
    }

    static void name(PortalSession session, String name) {
        session.authorityName(name);
    }
}
