package io.setkeeper.ui.viewmodel;

/** One labelled line of the clip detail pane ("Timecode", "14:02:10:00 (from the tmcd track)"). */
public record DetailLine(String label, String value) {
}
