package io.setkeeper.ui.viewmodel;

import io.setkeeper.ui.client.ApiException;
import io.setkeeper.ui.client.ApplianceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/** An evidence still (JPEG bytes) with its label ("before", a clip's name, …). */
public record Evidence(String label, byte[] jpeg) {
    /** The appliance stills among {@code refs} (paths under {@code /api/}), labelled by their index; blocking. */
    static List<Evidence> load(ApplianceClient client, List<String> refs, IntFunction<String> label)
            throws ApiException {
        List<String> paths = refs.stream().filter(e -> e.startsWith("/api/")).toList();
        List<Evidence> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Optional<byte[]> b = client.image(paths.get(i));
            if (b.isPresent()) {
                out.add(new Evidence(label.apply(i), b.get()));
            }
        }
        return out;
    }
}
