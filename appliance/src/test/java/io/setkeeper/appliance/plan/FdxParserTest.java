package io.setkeeper.appliance.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.plan.ScriptElement.Setting;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Final Draft import with the XML in the test. */
class FdxParserTest {

    private static Screenplay parse(String xml) throws Exception {
        return FdxParser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String SCRIPT = """
            <?xml version="1.0" encoding="UTF-8" standalone="no" ?>
            <FinalDraft DocumentType="Script" Template="No" Version="5">
              <Content>
                <Paragraph Number="5" Type="Scene Heading">
                  <SceneProperties Length="1" Page="1" Title=""/>
                  <Text>INT. TRAINING ROOM - DAY</Text>
                </Paragraph>
                <Paragraph Type="Action"><Text>DANI steps up. </Text><Text Style="Bold">JANA</Text><Text> waits.</Text></Paragraph>
                <Paragraph Type="Character"><Text>INSTRUCTOR (V.O.)</Text></Paragraph>
                <Paragraph Type="Dialogue"><Text>One word each.</Text></Paragraph>
                <Paragraph>
                  <DualDialogue>
                    <Paragraph Type="Character"><Text>DANI</Text></Paragraph>
                    <Paragraph Type="Parenthetical"><Text>(signing)</Text></Paragraph>
                    <Paragraph Type="Dialogue"><Text>Again.</Text></Paragraph>
                    <Paragraph Type="Character"><Text>TOMAS (CONT'D)</Text></Paragraph>
                    <Paragraph Type="Dialogue"><Text>Milk.</Text></Paragraph>
                  </DualDialogue>
                </Paragraph>
                <Paragraph Type="Action">
                  <ScriptNote><Paragraph><Text>check the monitor</Text></Paragraph></ScriptNote>
                  <Text>They bow.</Text>
                </Paragraph>
                <Paragraph Type="Transition"><Text>CUT TO:</Text></Paragraph>
                <Paragraph Type="Scene Heading"><SceneProperties Number="6"/><Text>EXT. ROOF - NIGHT</Text></Paragraph>
              </Content>
              <TitlePage><Content><Paragraph Type="Title"><Text>NOT BODY</Text></Paragraph></Content></TitlePage>
            </FinalDraft>
            """;

    @Test
    void scenesDialogueDualDialogueNotesAndNumbers() throws Exception {
        Screenplay s = parse(SCRIPT);
        assertEquals(List.of(), s.problems());
        assertEquals(List.of("heading: INT. TRAINING ROOM - DAY #5#", "action: DANI steps up. JANA waits.",
                "dialogue: INSTRUCTOR (V.O.) | One word each.", "dual dialogue: DANI | (signing) | Again.",
                "dual dialogue: TOMAS (CONT'D) | Milk.", "action: They bow.", "transition: CUT TO:",
                "heading: EXT. ROOF - NIGHT #6#"), ScriptContent.of(s));
        Scene five = s.scene("5").orElseThrow();
        assertEquals(Setting.INT, five.setting());
        assertEquals("TRAINING ROOM", five.location());
        assertEquals(List.of("INSTRUCTOR", "DANI", "TOMAS"), List.copyOf(five.speakers()));
        // JANA is mentioned but never speaks in this script, so she is not a known character
        assertEquals(Set.of("DANI", "TOMAS"), five.appearing());
        assertEquals(List.of("check the monitor"), five.notes());
        assertEquals("NIGHT", s.scene("6").orElseThrow().timeOfDay());
        assertEquals(4, five.heading().line());
    }

    @Test
    void dialogueWithoutCharacterIsReportedAndKeptAsAction() throws Exception {
        Screenplay s = parse("""
                <FinalDraft><Content>
                <Paragraph Type="Dialogue"><Text>Who says this?</Text></Paragraph>
                <Paragraph Type="Scene Heading"><Text>INT.</Text></Paragraph>
                </Content></FinalDraft>
                """);
        assertEquals(List.of(new ParseProblem(2, "Dialogue without a character: kept as action"),
                new ParseProblem(3, "scene heading has no location: 'INT.'")), s.problems());
        assertEquals(List.of("action: Who says this?", "heading: INT."), ScriptContent.of(s));
    }

    @Test
    void dialogueAfterADualGroupDoesNotJoinItsLastBlock() throws Exception {
        Screenplay s = parse("""
                <FinalDraft><Content>
                <Paragraph><DualDialogue>
                <Paragraph Type="Character"><Text>A</Text></Paragraph><Paragraph Type="Dialogue"><Text>1</Text></Paragraph>
                <Paragraph Type="Character"><Text>B</Text></Paragraph><Paragraph Type="Dialogue"><Text>2</Text></Paragraph>
                </DualDialogue></Paragraph>
                <Paragraph Type="Dialogue"><Text>stray</Text></Paragraph>
                </Content></FinalDraft>
                """);
        assertEquals(List.of("dual dialogue: A | 1", "dual dialogue: B | 2", "action: stray"), ScriptContent.of(s));
        assertEquals(List.of(new ParseProblem(6, "Dialogue without a character: kept as action")), s.problems());
    }

    @Test
    void truncatedXmlIsAnErrorWithItsLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("broken.fdx");
        Files.writeString(f, "<?xml version=\"1.0\"?>\n<FinalDraft>\n<Content>\n<Paragraph Type=\"Action\">\n<Text>cut off");
        ScriptFormatException e = assertThrows(ScriptFormatException.class, () -> FdxParser.parse(f));
        assertEquals(5, e.line());
        assertTrue(e.getMessage().startsWith("line 5: not a readable Final Draft file"), e.getMessage());
    }

    @Test
    void notFinalDraftIsAnError() {
        ScriptFormatException e = assertThrows(ScriptFormatException.class,
                () -> parse("<?xml version=\"1.0\"?>\n<html><body/></html>"));
        assertTrue(e.getMessage().contains("not a Final Draft document: root element <html>"), e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void binaryGarbageIsAnError() {
        ScriptFormatException e = assertThrows(ScriptFormatException.class,
                () -> FdxParser.parse(new ByteArrayInputStream(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2})));
        assertEquals(1, e.line());
    }

    @Test
    void externalEntitiesAreRefused() {
        assertThrows(ScriptFormatException.class, () -> parse("""
                <?xml version="1.0"?>
                <!DOCTYPE FinalDraft [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <FinalDraft><Content><Paragraph Type="Action"><Text>&x;</Text></Paragraph></Content></FinalDraft>
                """));
    }
}
