package io.setkeeper.ui.client;

/** One Server-Sent Event: its name ({@code message} when the stream gave none) and its data lines joined by '\n'. */
public record SseEvent(String name, String data) {
}
