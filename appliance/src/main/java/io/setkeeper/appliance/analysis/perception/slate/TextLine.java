package io.setkeeper.appliance.analysis.perception.slate;

/** One recognised line of text: where it is in the frame, what it says and how sure the recogniser was. */
public record TextLine(TextRegion region, String text, double confidence) {
}
