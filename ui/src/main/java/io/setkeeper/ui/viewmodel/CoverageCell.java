package io.setkeeper.ui.viewmodel;

import java.util.List;

/**
 * One square of the coverage board: a planned setup of a scene (or a character at a shot size), its state
 * ({@code COVERED}, {@code MISSING}, {@code FLAGGED}), the text on it and the evidence one click opens.
 */
public record CoverageCell(String label, String state, String text, List<String> evidence) {
}
