package io.setkeeper.protocol.interchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.interchange.cdl.Cdl;
import io.setkeeper.protocol.interchange.cdl.CdlDocument;
import io.setkeeper.protocol.interchange.cdl.CdlXml;
import io.setkeeper.protocol.interchange.cdl.Rgb;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every ASC CDL fixture (OpenColorIO test files) is read, checked against its text, and round-trips. */
class CdlFixturesDataTest {
    private static CdlDocument read(String name) {
        return CdlXml.read(TestData.file("interchange/cdl/" + name));
    }

    @Test
    void everyFileIsReadAndRoundTripsThroughOurWriter() {
        List<Path> files = TestData.files("interchange/cdl", ".cc", ".ccc", ".cdl", ".clf");
        assertEquals(7, files.size(), files.toString());
        for (Path file : files) {
            CdlDocument doc = CdlXml.read(file);
            assertFalse(doc.entries().isEmpty(), file.toString());
            List<Cdl> back = CdlXml.parse(CdlXml.writeCcc(doc.cdls()), "written").cdls();
            assertEquals(doc.cdls(), back, file.toString());
            System.out.printf("cdl fixture %-40s %s %d correction(s)%n", file.getFileName(), doc.kind(),
                    doc.entries().size());
        }
    }

    @Test
    void singleCorrections() {
        Cdl cc = read("cdl_test1.cc").cdls().getFirst();
        assertEquals(new Cdl("foo", new Rgb(1.1, 1.2, 1.3), new Rgb(2.1, 2.2, 2.3), new Rgb(3.1, 3.2, 3.3), 0.7,
                "this is a description"), cc);
        assertEquals(0.42, read("cdl_test_ASC_SAT.cc").cdls().getFirst().saturation(), 0);
        Cdl sop = read("cdl_test_ASC_SOP.cc").cdls().getFirst();
        assertEquals(new Rgb(3.1, 3.2, 3.3), sop.power());
        assertEquals(0.42, sop.saturation(), 0);
        CdlDocument single = read("cdl_test_cc_file_with_extension.ccc");
        assertEquals(CdlDocument.Kind.CC, single.kind(), "kind comes from the root element, not the extension");
        assertTrue(single.cdls().getFirst().sameValues(Cdl.IDENTITY, 0), "the No Op CDL");
        assertEquals("No Op CDL", single.cdls().getFirst().description());
    }

    @Test
    void collectionAndDecisionList() {
        CdlDocument ccc = read("cdl_test1.ccc");
        assertEquals(CdlDocument.Kind.CCC, ccc.kind());
        assertEquals(List.of("cc0001", "cc0002", "cc0003", "", ""), ccc.cdls().stream().map(Cdl::id).toList());
        Cdl first = ccc.cdls().getFirst();
        assertEquals(new Rgb(1.0, 1.0, 0.9), first.slope());
        assertEquals(new Rgb(-0.03, -0.02, 0), first.offset());
        assertEquals(new Rgb(1.25, 1, 1), first.power());
        assertEquals(1.7, first.saturation(), 0);
        assertEquals("CC-level description 1a\nCC-level description 1b", first.description());
        assertEquals(new Rgb(4, 5, 6), ccc.cdls().get(3).slope());
        assertEquals(0.0, ccc.cdls().get(4).saturation(), 0);
        assertEquals(Rgb.all(1), ccc.cdls().get(4).slope(), "no SOPNode: slope 1");

        CdlDocument cdl = read("cdl_test1.cdl");
        assertEquals(CdlDocument.Kind.CDL, cdl.kind());
        assertEquals(5, cdl.entries().size());
        assertEquals(Optional.of("some/Project/image.dpx"), cdl.entries().get(0).mediaRef());
        assertEquals(Optional.empty(), cdl.entries().get(2).mediaRef());
        assertEquals(new Rgb(0.9, 0.9, 0.9), cdl.cdls().get(1).power());
        assertEquals(CdlXml.parse(CdlXml.writeCdl(cdl.entries()), "written").entries(), cdl.entries());
    }

    @Test
    void clfAscCdlNodesAreReadWithTheirStyles() {
        CdlDocument clf = read("cdl_all_styles.clf");
        assertEquals(CdlDocument.Kind.CLF, clf.kind());
        assertEquals(List.of(CdlDocument.Style.FWD, CdlDocument.Style.REV, CdlDocument.Style.FWD_NO_CLAMP,
                CdlDocument.Style.REV_NO_CLAMP), clf.entries().stream().map(CdlDocument.Entry::style).toList());
        assertEquals(new Rgb(-0.02, 0, 0.15), clf.cdls().getFirst().offset());
        assertEquals(1.05, clf.cdls().get(1).saturation(), 0);
    }
}
