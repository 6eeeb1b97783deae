package io.setkeeper.ui.client;

import java.net.URI;
import java.net.URISyntaxException;

/** Reads what a person types as an appliance address ("cart.local:8080", "http://10.0.0.5:8080/"). Pure. */
public final class Addresses {
    private Addresses() {
    }

    /** The base URI (scheme, host, port, no path), or an error saying what is wrong with the address. */
    public static URI parse(String address) throws ApiException {
        String a = address == null ? "" : address.strip();
        if (a.isEmpty()) {
            throw new ApiException(0, "Type the appliance's address, for example cart.local:8080.");
        }
        if (!a.contains("://")) {
            a = "http://" + a;
        }
        try {
            URI u = new URI(a);
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                throw new ApiException(0, "The address must start with http:// or https://, not " + u.getScheme()
                        + "://.");
            }
            if (u.getHost() == null) {
                throw new ApiException(0, "\"" + address.strip() + "\" is not an address: use host:port.");
            }
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new ApiException(0, "\"" + address.strip() + "\" is not an address: use host:port.", e);
        }
    }
}
