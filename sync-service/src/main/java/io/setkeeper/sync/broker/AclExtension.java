package io.setkeeper.sync.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import io.setkeeper.protocol.topics.TopicScheme;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The embedded broker's authenticator and authorizer: on the TLS listener a client must present a certificate
 * naming a production ({@link ProductionAcl}) and may then publish and subscribe only under that production's
 * topics ({@code {root}/{production}/#}); everything else is denied. The plain listener (this machine: the
 * sync-service's intake) is allowed everything.
 */
final class AclExtension implements ExtensionMain {
    private static final Logger LOG = Logger.getLogger(AclExtension.class.getName());
    static final String TLS_LISTENER = "boxes-tls";

    private final TopicScheme scheme;

    AclExtension(TopicScheme scheme) {
        this.scheme = scheme;
    }

    @Override
    public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
        SimpleAuthenticator auth = (input, output) -> {
            var info = input.getConnectionInformation();
            boolean tls = info.getListener().map(l -> TLS_LISTENER.equals(l.getName())).orElse(false);
            if (!tls) {
                output.authenticateSuccessfully();
                return;
            }
            Optional<X509Certificate> cert = info.getClientTlsInformation()
                    .flatMap(t -> t.getClientCertificate());
            Optional<String> production = cert.flatMap(ProductionAcl::production);
            if (production.isEmpty()) {
                LOG.warning(() -> "refused " + input.getClientInformation().getClientId()
                        + ": no client certificate naming a production");
                output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "a production client certificate is needed");
                return;
            }
            var permissions = output.getDefaultPermissions();
            permissions.add(Builders.topicPermission().topicFilter(scheme.root() + "/" + production.get() + "/#")
                    .type(TopicPermission.PermissionType.ALLOW).build());
            permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
            output.authenticateSuccessfully();
        };
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> auth);
    }

    @Override
    public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {
    }
}
