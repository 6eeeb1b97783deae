package io.setkeeper.ui.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** What people type as an appliance address. */
class AddressesTest {
    @Test
    void hostPortGetsHttpAndPathsAreDropped() throws ApiException {
        assertEquals(URI.create("http://cart.local:8080/"), Addresses.parse(" cart.local:8080 "));
        assertEquals(URI.create("http://10.0.0.5:8080/"), Addresses.parse("http://10.0.0.5:8080/api/x?y=1"));
        assertEquals(URI.create("https://cart/"), Addresses.parse("https://cart"));
    }

    @Test
    void badAddressesSayWhatIsWrong() {
        assertTrue(assertThrows(ApiException.class, () -> Addresses.parse("  ")).getMessage()
                .contains("Type the appliance's address"));
        assertTrue(assertThrows(ApiException.class, () -> Addresses.parse("ftp://cart:21")).getMessage()
                .contains("http://"));
        assertTrue(assertThrows(ApiException.class, () -> Addresses.parse("not an address")).getMessage()
                .contains("is not an address"));
    }
}
