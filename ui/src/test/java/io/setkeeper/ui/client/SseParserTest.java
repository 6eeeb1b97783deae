package io.setkeeper.ui.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SSE line parser on the shapes a text/event-stream can take. */
class SseParserTest {
    private static List<SseEvent> feed(String... lines) {
        SseParser p = new SseParser();
        List<SseEvent> out = new ArrayList<>();
        for (String l : lines) {
            p.line(l).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void namedEventsEndAtTheBlankLine() {
        assertEquals(List.of(new SseEvent("progress", "{\"a\":1}"), new SseEvent("finished", "{}")),
                feed("event: progress", "data: {\"a\":1}", "", "event:finished", "data:{}", ""));
    }

    @Test
    void dataLinesJoinCommentsAreSkippedAndUnnamedIsMessage() {
        assertEquals(List.of(new SseEvent("message", "one\ntwo")),
                feed(": keep-alive", "data: one", "id: 7", "data: two", "", ""));
    }

    @Test
    void anEventWithoutDataIsDroppedAndItsNameForgotten() {
        assertEquals(List.of(new SseEvent("message", "x")), feed("event: progress", "", "data: x", ""));
    }

    @Test
    void anUnfinishedEventIsNotEmitted() {
        assertEquals(List.of(), feed("event: progress", "data: {}"));
    }
}
