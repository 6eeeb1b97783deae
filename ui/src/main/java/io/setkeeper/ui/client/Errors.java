package io.setkeeper.ui.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Turns what went wrong on the wire into sentences for the people on set. Pure. */
final class Errors {
    private Errors() {
    }

    static ApiException io(URI base, IOException e) {
        String where = base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : "");
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException
                || e.getCause() instanceof UnresolvedAddressException) {
            return new ApiException(0, "No appliance answers at " + where
                    + ". Is it switched on, and is this station on its network?", e);
        }
        if (e instanceof HttpTimeoutException) {
            return new ApiException(0, "The appliance at " + where + " did not answer in time.", e);
        }
        return new ApiException(0, "Lost the connection to the appliance at " + where + ".", e);
    }

    static ApiException status(int status, String body, String path) {
        String said = "";
        try {
            said = Wire.parse(body).asJsonObject().getString("error", "");
        } catch (RuntimeException notJson) {
            // the answer had no JSON error: say what we asked for instead
        }
        if (status == 401 && said.contains("needs a token")) {
            return new ApiException(status, "This needs a user token: type the token the DIT gave you and connect"
                    + " again.");
        }
        if (status == 401 || status == 403 && said.isBlank()) {
            return new ApiException(status, "The appliance refused this token: ask the DIT for a valid one.");
        }
        if (status == 403) {
            return new ApiException(status, "Not allowed: " + said + (said.endsWith(".") ? "" : "."));
        }
        if (!said.isBlank()) {
            return new ApiException(status, capitalise(said) + (said.endsWith(".") ? "" : "."));
        }
        if (status == 404) {
            return new ApiException(status, "The appliance does not know " + path + ".");
        }
        return new ApiException(status, "The appliance could not answer " + path + " (HTTP " + status + ").");
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
