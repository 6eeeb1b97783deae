package io.setkeeper.appliance.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.plan.ScriptElement.Action;
import io.setkeeper.appliance.plan.ScriptElement.Dialogue;
import io.setkeeper.appliance.plan.ScriptElement.Note;
import io.setkeeper.appliance.plan.ScriptElement.SceneHeading;
import io.setkeeper.appliance.plan.ScriptElement.Setting;
import io.setkeeper.appliance.plan.ScriptElement.Transition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each Fountain feature with the text in the test. */
class FountainParserTest {

    private static List<String> content(String fountain) {
        return ScriptContent.of(FountainParser.parse(fountain));
    }

    @Test
    void sceneHeadingsWithSettingLocationTimeAndNumber() {
        Screenplay s = FountainParser.parse("""
                INT. TRAINING ROOM - DAY #5#

                EXT. ROOF - NIGHT

                INT./EXT. CAR - MOVING - DUSK #12A#

                I/E BUS - DAY

                EST. CITY - DAWN

                int. kitchen - continuous
                """);
        assertEquals(List.of(), s.problems());
        List<Scene> sc = s.scenes();
        assertEquals(6, sc.size());
        assertEquals(List.of("5", "2", "12A", "4", "5", "6"), sc.stream().map(Scene::id).toList());
        assertEquals(Optional.empty(), sc.get(1).number());
        assertEquals(List.of(Setting.INT, Setting.EXT, Setting.INT_EXT, Setting.INT_EXT, Setting.EXT, Setting.INT),
                sc.stream().map(Scene::setting).toList());
        assertEquals(List.of("TRAINING ROOM", "ROOF", "CAR - MOVING", "BUS", "CITY", "kitchen"),
                sc.stream().map(Scene::location).toList());
        assertEquals(List.of("DAY", "NIGHT", "DUSK", "DAY", "DAWN", "continuous"),
                sc.stream().map(Scene::timeOfDay).toList());
        assertEquals(List.of(1, 3, 5, 7, 9, 11), sc.stream().map(x -> x.heading().line()).toList());
    }

    @Test
    void forcedSceneHeadingWithLeadingDot() {
        Screenplay s = FountainParser.parse(".SNIPER SCOPE POV\n\nA dot is forced.\n\n...but an ellipsis is not a heading\n");
        assertEquals(1, s.scenes().size());
        SceneHeading h = s.scenes().get(0).heading();
        assertTrue(h.forced());
        assertEquals(Setting.NONE, h.setting());
        assertEquals("SNIPER SCOPE POV", h.location());
        assertEquals("action: ...but an ellipsis is not a heading", content(".X\n\n...but an ellipsis is not a heading").get(1));
    }

    @Test
    void characterCuesDialogueParentheticalsAndExtensions() {
        Screenplay s = FountainParser.parse("""
                EXT. STREET - DAY

                INSTRUCTOR (V.O.)
                One word each.

                DANI (CONT'D)
                (signing)
                Again.
                (beat)
                Again!

                @McCLANE
                Yippee ki-yay.

                Dani (mixed case) is not a cue
                so this is action.
                """);
        Scene sc = s.scenes().get(0);
        List<Dialogue> d = sc.dialogue();
        assertEquals(3, d.size());
        assertEquals("INSTRUCTOR", d.get(0).character());
        assertEquals(List.of("V.O."), d.get(0).extensions());
        assertTrue(d.get(0).offScreen());
        assertEquals("DANI", d.get(1).character());
        assertEquals("DANI (CONT'D)", d.get(1).cue());
        assertFalse(d.get(1).offScreen());
        assertEquals(List.of("(signing)", "(beat)"), d.get(1).parentheticals());
        assertEquals(List.of("Again.", "Again!"), d.get(1).lines());
        assertEquals("(signing)", d.get(1).parts().get(0).text());
        assertEquals("MCCLANE", d.get(2).character());
        assertEquals("McCLANE", d.get(2).cue());
        assertEquals(Set.of("INSTRUCTOR", "DANI", "MCCLANE"), sc.speakers());
        assertEquals(Set.of("DANI", "MCCLANE"), sc.onScreenSpeakers());
        assertInstanceOf(Action.class, sc.elements().get(3));
    }

    @Test
    void appearingCharactersComeFromActionAndOnScreenSpeakers() {
        Screenplay s = FountainParser.parse("""
                INT. ROOM - DAY

                JANA waits. Pavel reads. A JANITOR mops.

                ORIN (O.S.)
                Ready?

                INT. HALL - DAY

                PAVEL
                Yes.

                JANA
                No.
                """);
        assertEquals(Set.of("JANA", "PAVEL"), s.scenes().get(0).appearing());
        assertEquals(Set.of("ORIN"), s.scenes().get(0).speakers());
        assertEquals(Set.of("PAVEL", "JANA"), s.scenes().get(1).appearing());
    }

    @Test
    void dualDialogueMarksBothSides() {
        List<String> c = content("GIRL\nHey!\n\nGUY^\nHello!\n\nGIRL\nBye.\n");
        assertEquals(List.of("dual dialogue: GIRL | Hey!", "dual dialogue: GUY | Hello!", "dialogue: GIRL | Bye."), c);
    }

    @Test
    void dualDialogueWithNothingBeforeIsReported() {
        Screenplay s = FountainParser.parse("Action first.\n\nGUY^\nHello!\n");
        assertEquals(List.of(new ParseProblem(3, "dual dialogue '^' without a dialogue before it: kept as single")),
                s.problems());
        assertEquals(List.of("action: Action first.", "dialogue: GUY | Hello!"), ScriptContent.of(s));
    }

    @Test
    void transitionsForcedAndCenteredText() {
        assertEquals(List.of("action: He leaves.", "transition: CUT TO:", "transition: FADE TO BLACK.",
                        "centered: THE END", "action: CUT TO: is action inside a paragraph"),
                content("He leaves.\n\nCUT TO:\n\n> Fade to black.\n\n>THE END<\n\nCUT TO: is action inside a paragraph\n"));
        Screenplay s = FountainParser.parse("> fade out.\n");
        assertEquals("fade out.", ((Transition) s.elements().get(0)).text());
    }

    @Test
    void forcedAction() {
        assertEquals(List.of("action: SCREAMING IN CAPS\nstill action"), content("!SCREAMING IN CAPS\nstill action\n"));
        assertEquals(List.of("action: INT. IS NOT A HEADING"), content("!INT. IS NOT A HEADING\n"));
    }

    @Test
    void notesAreRemovedFromTextAndKept() {
        Screenplay s = FountainParser.parse("INT. ROOM - DAY\n\nShe sits [[check the chair]]down.\n\n[[whole note\nparagraph]]\n\nDone.\n");
        assertEquals(List.of("heading: INT. ROOM - DAY", "action: She sits down.", "action: Done."), ScriptContent.of(s));
        assertEquals(List.of("check the chair", "whole note\nparagraph"), s.scenes().get(0).notes());
        assertEquals(5, ((Note) s.elements().get(3)).line());
    }

    @Test
    void boneyardIsRemovedAndLineNumbersKept() {
        Screenplay s = FountainParser.parse("A.\n\n/* cut\n\nINT. GONE - DAY\n\nGUY\nHi.\n*/\n\nINT. HERE - NIGHT\n");
        assertEquals(List.of("action: A.", "heading: INT. HERE - NIGHT"), ScriptContent.of(s));
        assertEquals(11, s.scenes().get(0).heading().line());
        assertEquals(List.of("action: before after"), content("before /* inline */after\n"));
    }

    @Test
    void unterminatedBoneyardIsReportedAndTheTextKept() {
        Screenplay s = FountainParser.parse("INT. ROOM - DAY\n\nOne.\n\n/* never closed\n\nTwo.\n");
        assertEquals(List.of(new ParseProblem(5,
                "unterminated boneyard '/*': the rest of the file is kept as text")), s.problems());
        assertEquals(List.of("heading: INT. ROOM - DAY", "action: One.", "action: /* never closed", "action: Two."),
                ScriptContent.of(s));
    }

    @Test
    void sceneHeadingWithNoLocationIsReportedAndKept() {
        Screenplay s = FountainParser.parse("Intro.\n\nINT.\n\nSomething happens.\n\nEXT. - NIGHT\n");
        assertEquals(List.of(new ParseProblem(3, "scene heading has no location: 'INT.'"),
                new ParseProblem(7, "scene heading has no location: 'EXT. - NIGHT'")), s.problems());
        assertEquals(2, s.scenes().size());
        assertEquals("", s.scenes().get(0).location());
        assertEquals("NIGHT", s.scenes().get(1).timeOfDay());
        assertEquals(List.of("action: Something happens."),
                ScriptContent.of(new Screenplay(java.util.Map.of(), s.scenes().get(0).elements(), List.of(), List.of())));
    }

    @Test
    void sectionsSynopsesAndPageBreaks() {
        assertEquals(List.of("section 1: Act One", "synopsis: Things begin.", "section 3: Beat", "page break",
                        "heading: INT. ROOM - DAY"),
                content("# Act One\n\n= Things begin.\n\n### Beat\n\n===\n\nINT. ROOM - DAY\n"));
    }

    @Test
    void titlePageWithMultiLineValues() {
        Screenplay s = FountainParser.parse("Title:\n    _**BRICK & STEEL**_\nCredit: Written by\nAuthor: Stu Maschwitz\n\nFADE IN:\n");
        assertEquals("BRICK & STEEL", s.titlePage().get("Title"));
        assertEquals("Written by", s.titlePage().get("Credit"));
        assertEquals("Stu Maschwitz", s.titlePage().get("Author"));
        assertEquals(List.of("action: FADE IN:"), ScriptContent.of(s));
    }

    @Test
    void emphasisMarkersAreStrippedAndEscapesKept() {
        assertEquals(List.of("action: bold italic both under and * a star \\* and _x_"),
                content("**bold** *italic* ***both*** _under_ and * a star \\\\* and \\_x\\_\n"));
    }

    @Test
    void dialogueKeepsBlankLineOfTwoSpacesAndIndentationIsIgnored() {
        assertEquals(List.of("dialogue: DEALER | Seven. |  | Hit?", "action:    Indented action"),
                content("    DEALER\n  Seven.\n  \n  Hit?\n\n   Indented action\n"));
    }

    @Test
    void byteOrderMarkAndWindowsLineEndings() {
        Screenplay s = FountainParser.parse("\uFEFFEXT. SOMEWHERE - DAY\r\n\r\nGUY\r\nHi.\r\n");
        assertEquals(List.of("heading: EXT. SOMEWHERE - DAY", "dialogue: GUY | Hi."), ScriptContent.of(s));
        assertEquals("SOMEWHERE", s.scenes().get(0).location());
    }

    @Test
    void invalidUtf8IsReadAndReported(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("latin1.fountain");
        Files.write(f, "EXT. CAF\u00C9 - DAY\n\nJOS\u00C9\nHola.\n".getBytes(StandardCharsets.ISO_8859_1));
        Screenplay s = FountainParser.parse(f);
        assertEquals(List.of(new ParseProblem(0, "not valid UTF-8: read as windows-1252")), s.problems());
        assertEquals("CAF\u00C9", s.scenes().get(0).location());
        assertEquals(Set.of("JOS\u00C9"), s.speakers());
    }

    @Test
    void upperCaseHeadingDirectlyFollowedByTextStillStartsAScene() {
        assertEquals(List.of("heading: EXT. PARK - DAY", "dialogue: BOB | Hi.", "heading: INT. CAR - NIGHT",
                        "action: She drives."),
                content("EXT. PARK - DAY\nBOB\nHi.\n\nINT. CAR - NIGHT\nShe drives.\n"));
        assertEquals(List.of("action: Int. is lower case here\nso this is action."),
                content("Int. is lower case here\nso this is action.\n"));
    }

    @Test
    void readerChoosesTheFormatByExtension(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.fountain");
        Files.writeString(f, "INT. A - DAY\n");
        Path x = dir.resolve("a.fdx");
        Files.writeString(x, "<FinalDraft><Content><Paragraph Type=\"Scene Heading\"><Text>INT. A - DAY</Text>"
                + "</Paragraph></Content></FinalDraft>");
        assertEquals(ScriptContent.of(ScreenplayReader.read(f)), ScriptContent.of(ScreenplayReader.read(x)));
        Path pdf = dir.resolve("a.pdf");
        Files.writeString(pdf, "%PDF");
        ScriptFormatException e = org.junit.jupiter.api.Assertions.assertThrows(ScriptFormatException.class,
                () -> ScreenplayReader.read(pdf));
        assertTrue(e.getMessage().contains("not a screenplay file"), e.getMessage());
    }

    @Test
    void singleUpperCaseLineIsActionNotACue() {
        assertEquals(List.of("action: SPACE", "action: BANG!"), content("SPACE\n\nBANG!\n"));
        assertInstanceOf(Action.class, FountainParser.parse("SPACE\n").elements().get(0));
    }
}
