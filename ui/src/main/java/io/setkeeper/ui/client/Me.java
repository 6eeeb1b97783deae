package io.setkeeper.ui.client;

/** The user a token belongs to ({@code GET /api/users/me}) and the role the appliance gives them. */
public record Me(String id, String name, String role) {
    /** The roles whose decisions the appliance records (docs/security.md): DIT, DIRECTOR, SUPERVISOR. */
    public boolean canDecide() {
        return role.equals("DIT") || role.equals("DIRECTOR") || role.equals("SUPERVISOR");
    }
}
