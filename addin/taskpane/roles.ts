/** Who sees which page: roles come from the token's `roles` claim (app roles of the Entra app, docs/deploy.md). */
export type Role = "assessor" | "hr" | "admin";
export type Audience = Role | "all";

const KNOWN: readonly Role[] = ["assessor", "hr", "admin"];

/** The known roles of a token; none known (or no token) counts as an assessor, the pane's main user. */
export function effectiveRoles(claimed: readonly string[]): Role[] {
  const known = KNOWN.filter((r) => claimed.includes(r));
  return known.length > 0 ? known : ["assessor"];
}

/** The pages a person with these roles sees, in the nav's order (an administrator sees every page). */
export function visiblePages<P extends { audience: readonly Audience[] }>(
  pages: readonly P[],
  claimed: readonly string[],
): P[] {
  const roles = effectiveRoles(claimed);
  if (roles.includes("admin")) return [...pages];
  return pages.filter((p) => p.audience.includes("all") || p.audience.some((a) => roles.includes(a as Role)));
}
