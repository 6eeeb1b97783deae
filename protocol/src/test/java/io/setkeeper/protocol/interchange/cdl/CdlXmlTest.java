package io.setkeeper.protocol.interchange.cdl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.protocol.interchange.InterchangeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdlXmlTest {
    private static final Cdl A = new Cdl("sc05_a", new Rgb(1.05, 0.98, 0.91), new Rgb(-0.012, 0.003, 0.0305),
            new Rgb(1.1, 1.0, 0.95), 0.87, "match to 5A\nproposed by setkeeper");
    private static final Cdl B = Cdl.of("sc05_b & <c>", new Rgb(0.9, 0.7, 0.6), Rgb.all(0.1), Rgb.all(0.9), 1e-7);

    @Test
    void ccRoundTrips(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.cc");
        Files.writeString(file, CdlXml.writeCc(A));
        CdlDocument doc = CdlXml.read(file);
        assertEquals(CdlDocument.Kind.CC, doc.kind());
        assertEquals(List.of(A), doc.cdls());
    }

    @Test
    void cccRoundTripsInOrder() {
        CdlDocument doc = CdlXml.parse(CdlXml.writeCcc(List.of(A, B)), "mem.ccc");
        assertEquals(CdlDocument.Kind.CCC, doc.kind());
        assertEquals(List.of(A, B), doc.cdls());
    }

    @Test
    void cdlRoundTripsWithMediaRefs() {
        List<CdlDocument.Entry> entries = List.of(
                new CdlDocument.Entry(A, Optional.of("A001C003_260101.mov"), CdlDocument.Style.FWD),
                CdlDocument.Entry.of(B));
        CdlDocument doc = CdlXml.parse(CdlXml.writeCdl(entries), "mem.cdl");
        assertEquals(CdlDocument.Kind.CDL, doc.kind());
        assertEquals(entries, doc.entries());
    }

    @Test
    void controlCharactersInDescriptionsDoNotBreakTheFile() {
        Cdl odd = A.withDescription("bell\u0007 here");
        assertEquals("bell here", CdlXml.parse(CdlXml.writeCc(odd), "mem").cdls().getFirst().description());
    }

    @Test
    void missingNodesMeanNoChangeAndOldElementNamesAreRead() {
        String xml = "<ColorCorrection id='x'><ASC_SAT><Saturation>0.5</Saturation></ASC_SAT></ColorCorrection>";
        Cdl cdl = CdlXml.parse(xml, "mem").cdls().getFirst();
        assertEquals(Rgb.all(1), cdl.slope());
        assertEquals(Rgb.all(0), cdl.offset());
        assertEquals(Rgb.all(1), cdl.power());
        assertEquals(0.5, cdl.saturation(), 0);
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheirPlace() {
        String xml = "<ColorCorrectionCollection xmlns='urn:ASC:CDL:v1.01'><ColorCorrection id='ok'/>"
                + "<ColorCorrection id='neg'><SOPNode><Slope>1 1 1</Slope><Offset>0 0 0</Offset>"
                + "<Power>1 0 1</Power></SOPNode></ColorCorrection></ColorCorrectionCollection>";
        var e = assertThrows(InterchangeException.class, () -> CdlXml.parse(xml, "looks.ccc"));
        assertTrue(e.getMessage().contains("looks.ccc"), e.getMessage());
        assertTrue(e.getMessage().contains("'neg'"), e.getMessage());
        assertTrue(e.getMessage().contains("power must be > 0"), e.getMessage());
        String sat = "<ColorCorrection><SatNode><Saturation>-1</Saturation></SatNode></ColorCorrection>";
        assertTrue(assertThrows(InterchangeException.class, () -> CdlXml.parse(sat, "s.cc")).getMessage()
                .contains("saturation must be >= 0"));
    }

    @Test
    void malformedFilesGetClearErrors() {
        assertTrue(assertThrows(InterchangeException.class, () -> CdlXml.parse("<ColorCorrection>", "t.cc"))
                .getMessage().contains("not well-formed XML"));
        assertTrue(assertThrows(InterchangeException.class, () -> CdlXml.parse("<Look/>", "l.cc"))
                .getMessage().contains("not an ASC CDL file"));
        String twoNumbers = "<ColorCorrection><SOPNode><Slope>1 1</Slope></SOPNode></ColorCorrection>";
        assertTrue(assertThrows(InterchangeException.class, () -> CdlXml.parse(twoNumbers, "t.cc"))
                .getMessage().contains("needs 3 numbers"));
        String word = "<ColorCorrection><SOPNode><Slope>1 one 1</Slope></SOPNode></ColorCorrection>";
        assertTrue(assertThrows(InterchangeException.class, () -> CdlXml.parse(word, "t.cc"))
                .getMessage().contains("not a number: 'one'"));
        String doctype = "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><ColorCorrection/>";
        assertThrows(InterchangeException.class, () -> CdlXml.parse(doctype, "x.cc"));
    }

    @Test
    void clfWithOnlyAscCdlNodesIsReadAndOtherClfIsRefused() {
        String clf = "<ProcessList compCLFversion='3.0' id='p'><ASC_CDL id='c1' inBitDepth='32f' outBitDepth='32f'"
                + " style='RevNoClamp'><SOPNode><Slope>1 1 0.8</Slope><Offset>0 0 0</Offset><Power>1 1 1</Power>"
                + "</SOPNode></ASC_CDL></ProcessList>";
        CdlDocument doc = CdlXml.parse(clf, "a.clf");
        assertEquals(CdlDocument.Kind.CLF, doc.kind());
        assertEquals(CdlDocument.Style.REV_NO_CLAMP, doc.entries().getFirst().style());
        assertEquals(0.8, doc.cdls().getFirst().slope().b(), 0);
        String lut = "<ProcessList id='p'><LUT1D inBitDepth='32f' outBitDepth='32f'><Array dim='2 1'>0 1</Array>"
                + "</LUT1D></ProcessList>";
        var e = assertThrows(InterchangeException.class, () -> CdlXml.parse(lut, "lut.clf"));
        assertTrue(e.getMessage().contains("CLF") && e.getMessage().contains("LUT1D")
                && e.getMessage().contains("not supported"), e.getMessage());
    }
}
