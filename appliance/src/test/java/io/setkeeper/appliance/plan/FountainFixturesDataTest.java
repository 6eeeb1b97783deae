package io.setkeeper.appliance.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.setkeeper.appliance.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every screenplain fixture ({@code script/fountain-fixtures}) parses without problems, and its content matches
 * its Final Draft sibling (parsed by {@link FdxParser}) and its HTML render (read by {@link ScreenplainHtml}).
 */
class FountainFixturesDataTest {

    private static List<Path> fountains() throws IOException {
        try (Stream<Path> s = Files.list(TestData.file("script/fountain-fixtures"))) {
            return s.filter(p -> p.toString().endsWith(".fountain")).sorted().toList();
        }
    }

    private static Path sibling(Path fountain, String ext) {
        String name = fountain.getFileName().toString();
        return fountain.resolveSibling(name.substring(0, name.length() - ".fountain".length()) + ext);
    }

    @TestFactory
    List<DynamicTest> everyFixtureMatchesItsSiblings() throws IOException {
        List<Path> files = fountains();
        assertTrue(files.size() >= 17, "fixtures found: " + files.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
                Screenplay s = FountainParser.parse(f);
                assertEquals(List.of(), s.problems(), "problems in " + f.getFileName());
                List<String> content = ScriptContent.of(s);
                assertFalse(content.isEmpty(), "nothing parsed from " + f.getFileName());
                Path fdx = sibling(f, ".fdx");
                if (Files.exists(fdx)) {
                    Screenplay d = FdxParser.parse(fdx);
                    assertEquals(List.of(), d.problems());
                    assertEquals(ScriptContent.of(d), content, "fountain vs fdx: " + f.getFileName());
                }
                Path html = sibling(f, ".html");
                if (Files.exists(html)) {
                    List<String> rendered = ScreenplainHtml.content(Files.readString(html, StandardCharsets.UTF_8));
                    assertEquals(rendered, content, "fountain vs html: " + f.getFileName());
                }
            }));
        }
        return tests;
    }

    @Test
    void titlePageFixtureKeepsTheFieldsAndTheBody() throws IOException {
        Screenplay s = FountainParser.parse(TestData.file("script/fountain-fixtures/title-page.fountain"));
        assertEquals("My Screenplay", s.titlePage().get("Title"));
        assertEquals("Your Name", s.titlePage().get("Author"));
        assertEquals("your.email@example.com\n(555) 123-4567", s.titlePage().get("Contact"));
        assertEquals(List.of("action: FADE IN:", "action: SPACE"), ScriptContent.of(s));
    }

    @Test
    void sceneNumbersFixtureGivesNumbersWhereWritten() throws IOException {
        Screenplay s = FountainParser.parse(TestData.file("script/fountain-fixtures/scene-numbers.fountain"));
        assertEquals(List.of("1", "2", "3", "4", "2-B"), s.scenes().stream().map(Scene::id).toList());
        assertEquals(List.of("THE FIRST PLACE", "THE SECOND PLACE", "A THIRD PLACE", "A FOURTH PLACE",
                "A FIFTH PLACE"), s.scenes().stream().map(Scene::location).toList());
        assertEquals("NIGHT", s.scenes().get(1).timeOfDay());
    }

    @Test
    void boneyardFixtureDropsTheGarageScene() throws IOException {
        Screenplay s = FountainParser.parse(TestData.file("script/fountain-fixtures/boneyard.fountain"));
        assertEquals(1, s.scenes().size());
        assertEquals("PALATIAL MANSION", s.scenes().get(0).location());
        assertTrue(s.speakers().isEmpty(), "BRICK and STEEL speak only in the boneyard: " + s.speakers());
        assertEquals(20, s.scenes().get(0).heading().line(), "line numbers survive the boneyard");
    }
}
