package io.setkeeper.appliance.plan;

import io.setkeeper.appliance.plan.ScriptElement.Action;
import io.setkeeper.appliance.plan.ScriptElement.Dialogue;
import io.setkeeper.appliance.plan.ScriptElement.Note;
import io.setkeeper.appliance.plan.ScriptElement.SceneHeading;
import io.setkeeper.appliance.plan.ScriptElement.Transition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Imports a Final Draft {@code .fdx} screenplay with the JDK's XML parser: the body's {@code Paragraph}s of
 * type Scene Heading (number from {@code Number} or {@code SceneProperties Number}), Action, Character,
 * Parenthetical, Dialogue, Transition (others become action), {@code DualDialogue} groups and {@code ScriptNote}s.
 * A file that is not readable XML or not Final Draft is a {@link ScriptFormatException} with the line;
 * paragraphs that make no sense in place (dialogue with no character) are {@link ParseProblem}s.
 */
public final class FdxParser {
    private FdxParser() {
    }

    public static Screenplay parse(Path file) throws IOException, ScriptFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        }
    }

    public static Screenplay parse(InputStream in) throws IOException, ScriptFormatException {
        Handler h = new Handler();
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.newSAXParser().parse(in, h);
        } catch (SAXParseException e) {
            throw new ScriptFormatException("not a readable Final Draft file: " + e.getMessage(), e.getLineNumber(), e);
        } catch (SAXException e) {
            throw new ScriptFormatException(e.getMessage(), h.line(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        h.flush();
        return ScreenplayAssembler.assemble(Map.of(), h.elements, h.problems);
    }

    /** One open Paragraph element. */
    private static final class Para {
        final String type;
        String number;
        final int line;
        final boolean dual;
        final StringBuilder text = new StringBuilder();

        Para(String type, String number, int line, boolean dual) {
            this.type = type;
            this.number = number;
            this.line = line;
            this.dual = dual;
        }
    }

    private static final class Handler extends DefaultHandler {
        final List<ScriptElement> elements = new ArrayList<>();
        final List<ParseProblem> problems = new ArrayList<>();
        private final Deque<String> path = new ArrayDeque<>();
        private final Deque<Para> paras = new ArrayDeque<>();
        private Locator locator;
        private int dualDepth;
        private int noteDepth;
        private StringBuilder noteText;
        private int noteLine;
        private boolean inText;
        // the dialogue block being built
        private int cueLine;
        private String cue;
        private boolean cueDual;
        private List<Dialogue.Part> parts;

        int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String local, String name, Attributes atts) throws SAXException {
            if (path.isEmpty() && !name.equals("FinalDraft")) {
                throw new SAXException("not a Final Draft document: root element <" + name + ">");
            }
            boolean inBody = path.contains("Content") && !path.contains("TitlePage");
            path.push(name);
            if (!inBody && !(name.equals("Content") && path.size() == 2)) {
                return;
            }
            switch (name) {
                case "ScriptNote" -> {
                    if (noteDepth++ == 0) {
                        noteText = new StringBuilder();
                        noteLine = line();
                    }
                }
                case "DualDialogue" -> dualDepth++;
                case "Paragraph" -> {
                    if (noteDepth == 0) {
                        paras.push(new Para(atts.getValue("Type"), atts.getValue("Number"), line(), dualDepth > 0));
                    } else if (noteText.length() > 0) {
                        noteText.append('\n');
                    }
                }
                case "SceneProperties" -> {
                    if (!paras.isEmpty() && paras.peek().number == null && atts.getValue("Number") != null) {
                        paras.peek().number = atts.getValue("Number");
                    }
                }
                case "Text" -> inText = true;
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!inText) {
                return;
            }
            if (noteDepth > 0) {
                noteText.append(ch, start, length);
            } else if (!paras.isEmpty()) {
                paras.peek().text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String local, String name) {
            path.pop();
            boolean inBody = path.contains("Content") && !path.contains("TitlePage");
            if (!inBody) {
                return;
            }
            switch (name) {
                case "Text" -> inText = false;
                case "DualDialogue" -> {
                    dualDepth--;
                    flush(); // dialogue after the group is not part of its last block
                }
                case "ScriptNote" -> {
                    if (--noteDepth == 0 && !noteText.toString().isBlank()) {
                        elements.add(new Note(noteLine, noteText.toString().strip()));
                    }
                }
                case "Paragraph" -> {
                    if (noteDepth == 0 && !paras.isEmpty()) {
                        paragraph(paras.pop());
                    }
                }
                default -> { }
            }
        }

        private void paragraph(Para p) {
            String text = p.text.toString().replace("\r\n", "\n").replace('\r', '\n');
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            String type = p.type == null ? "" : p.type;
            switch (type) {
                case "Character" -> {
                    flush();
                    cue = text.strip();
                    cueLine = p.line;
                    cueDual = p.dual;
                    parts = new ArrayList<>();
                }
                case "Dialogue", "Parenthetical" -> {
                    if (cue == null) {
                        problems.add(new ParseProblem(p.line, type + " without a character: kept as action"));
                        if (!text.isBlank()) {
                            elements.add(new Action(p.line, text, false));
                        }
                    } else if (type.equals("Parenthetical")) {
                        parts.add(new Dialogue.Part(text.strip(), true));
                    } else {
                        for (String l : text.split("\n", -1)) {
                            parts.add(new Dialogue.Part(l.strip(), false));
                        }
                    }
                }
                case "" -> {
                    if (!text.isBlank()) {
                        flush();
                        elements.add(new Action(p.line, text, false));
                    }
                }
                default -> {
                    flush();
                    other(p, type, text);
                }
            }
        }

        private void other(Para p, String type, String text) {
            if (text.isBlank() && !type.equals("Scene Heading")) {
                return;
            }
            switch (type) {
                case "Scene Heading" -> {
                    SceneHeading h = SceneHeadings.parse(p.line, text, !SceneHeadings.looksLikeHeading(text),
                            p.number);
                    if (h.location().isEmpty()) {
                        problems.add(new ParseProblem(p.line, "scene heading has no location: '" + text.strip() + "'"));
                    }
                    elements.add(h);
                }
                case "Transition" -> elements.add(new Transition(p.line, text.strip()));
                default -> elements.add(new Action(p.line, text, false));
            }
        }

        void flush() {
            if (cue != null) {
                elements.add(new Dialogue(cueLine, CharacterCues.name(cue), cue, CharacterCues.extensions(cue), parts,
                        cueDual));
                cue = null;
                parts = null;
            }
        }
    }
}
