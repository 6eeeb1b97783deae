package io.setkeeper.sync.broker;

import io.setkeeper.protocol.topics.Ids;

import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Which production a box's client certificate speaks for: its subject CN is {@code <box>.<production>} (as
 * {@code provision-production.sh} issues it), and the OU must name the same production. A pure decision.
 */
public final class ProductionAcl {
    private ProductionAcl() {
    }

    /** The production of a client certificate, or empty if its subject does not name one consistently. */
    public static Optional<String> production(X509Certificate cert) {
        String cn = null;
        String ou = null;
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();
                } else if (rdn.getType().equalsIgnoreCase("OU")) {
                    ou = rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
        if (cn == null || cn.indexOf('.') < 1) {
            return Optional.empty();
        }
        String production = cn.substring(cn.indexOf('.') + 1);
        if (!Ids.isValid(production) || production.contains(".") || (ou != null && !ou.equals(production))) {
            return Optional.empty();
        }
        return Optional.of(production);
    }
}
