package io.setkeeper.ui.viewmodel;

import java.util.List;

/**
 * One square of the coverage board: a planned setup, a take of it, or a character at a shot size; its colour
 * ({@code COVERED}, {@code FLAGGED}, {@code MISSING}, or {@code NONE} for an empty square), the text on it, the
 * words shown when it is chosen, and the evidence stills (paths on the appliance) one click opens.
 */
public record CoverageCell(String label, String state, String text, String detail, List<String> evidence) {
}
