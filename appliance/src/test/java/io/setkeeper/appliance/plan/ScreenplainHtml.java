package io.setkeeper.appliance.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small tolerant reader of screenplain's HTML render (the fixtures' {@code .html} siblings): builds a tag tree
 * with a regex tokenizer (no well-formedness needed) and turns the known classes into {@link ScriptContent} lines.
 */
final class ScreenplainHtml {
    private static final Pattern TOKEN = Pattern.compile("<(/?)([a-zA-Z0-9]+)([^>]*?)(/?)>|([^<]+)");
    private static final Pattern CLASS = Pattern.compile("class\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-z]+);");

    private ScreenplainHtml() {
    }

    /** An element or a text node. */
    record Node(String tag, String cls, List<Node> children, String text) {
        boolean is(String t) {
            return t.equals(tag);
        }

        boolean hasClass(String c) {
            return List.of(cls.split("\\s+")).contains(c);
        }

        String allText() {
            if (tag == null) {
                return text;
            }
            if (is("br")) {
                return "\n";
            }
            StringBuilder b = new StringBuilder();
            children.forEach(c -> b.append(c.allText()));
            return b.toString();
        }

        List<Node> elements() {
            return children.stream().filter(c -> c.tag != null).toList();
        }
    }

    static Node tree(String html) {
        Node root = new Node("root", "", new ArrayList<>(), null);
        List<Node> stack = new ArrayList<>(List.of(root));
        Matcher m = TOKEN.matcher(html);
        while (m.find()) {
            Node top = stack.get(stack.size() - 1);
            if (m.group(5) != null) {
                top.children().add(new Node(null, "", List.of(), decode(m.group(5))));
            } else if (m.group(1).isEmpty()) {
                Matcher c = CLASS.matcher(m.group(3));
                Node n = new Node(m.group(2).toLowerCase(), c.find() ? c.group(1) : "", new ArrayList<>(), null);
                top.children().add(n);
                if (m.group(4).isEmpty() && !n.is("br")) {
                    stack.add(n);
                }
            } else {
                String tag = m.group(2).toLowerCase();
                for (int i = stack.size() - 1; i > 0; i--) {
                    if (stack.get(i).is(tag)) {
                        stack.subList(i, stack.size()).clear();
                        break;
                    }
                }
            }
        }
        return root;
    }

    static String decode(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "nbsp" -> "\u00A0";
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> e.startsWith("#x") ? Character.toString(Integer.parseInt(e.substring(2), 16))
                        : e.startsWith("#") ? Character.toString(Integer.parseInt(e.substring(1))) : m.group();
            };
            m.appendReplacement(b, Matcher.quoteReplacement(r));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** The content lines of a screenplain HTML render. */
    static List<String> content(String html) {
        List<String> out = new ArrayList<>();
        for (Node n : tree(html).elements()) {
            if (n.tag().matches("h[1-5]")) {
                out.add("section " + n.tag().substring(1) + ": " + n.allText().strip());
            } else if (n.is("span") && n.cls().matches("h[1-6]-synopsis")) {
                out.add("synopsis: " + n.allText().strip());
            } else if (n.is("h6")) {
                if (n.hasClass("page-break")) {
                    out.add("page break");
                }
                String number = "";
                StringBuilder text = new StringBuilder();
                for (Node c : n.children()) {
                    if (c.tag() != null && c.hasClass("scnuml")) {
                        number = c.allText().strip();
                    } else if (c.tag() == null || !c.hasClass("scnumr")) {
                        text.append(c.allText());
                    }
                }
                out.add(ScriptContent.heading(text.toString(), number));
            } else if (n.is("div") && n.hasClass("action")) {
                String kind = n.hasClass("centered") ? "centered: " : "action: ";
                for (Node p : n.elements()) {
                    out.add(kind + ScriptContent.text(p.allText()));
                }
            } else if (n.is("div") && n.hasClass("transition")) {
                out.add(ScriptContent.transition(n.allText()));
            } else if (n.is("div") && n.hasClass("dialog")) {
                out.add(dialog(n, false));
            } else if (n.is("div") && n.hasClass("dual")) {
                for (Node side : n.elements()) {
                    if (side.hasClass("left") || side.hasClass("right")) {
                        out.add(dialog(side, true));
                    }
                }
            } else if (!n.is("br")) {
                out.add("unknown html: <" + n.tag() + " class=" + n.cls() + ">");
            }
        }
        return out;
    }

    private static String dialog(Node n, boolean dual) {
        String cue = "";
        List<String> parts = new ArrayList<>();
        for (Node p : n.elements()) {
            if (p.hasClass("character")) {
                cue = p.allText();
            } else if (p.is("p")) {
                parts.add(p.allText());
            }
        }
        return ScriptContent.dialogue(cue, dual, parts);
    }
}
