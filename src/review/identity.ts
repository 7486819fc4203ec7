/**
 * Identity by what a resource is, not by its address (issue 24): the ClickPipes role is the role
 * whose `name` is a pipe's user (or that the pipe's username references), or the role our user
 * construct declares, wherever it sits; a grant is the ClickPipes role's when its `role` is that
 * role. Read from every change of the run and the resources it leaves unchanged, per stack.
 */
import type { ResourceChange } from "./change";
import { identify } from "./declared";
import { attr } from "./pipe-json";

/** `${postgresql_role.<name>.name}` -> `postgresql_role.<name>`. */
const ROLE_REF = /^\$\{(postgresql_role\.[A-Za-z0-9_-]+)\.name\}$/;

export interface ClickPipesIdentity {
  /** `stack\0name` of every ClickPipes role name (literal). */
  readonly names: ReadonlySet<string>;
  /** `stack\0address` of every ClickPipes role. */
  readonly addresses: ReadonlySet<string>;
}

const key = (stack: string | undefined, s: string) => `${stack ?? ""}\u0000${s}`;

/** The ClickPipes roles of a run, by name and by address. */
export function clickpipesIdentity(all: readonly ResourceChange[]): ClickPipesIdentity {
  const names = new Set<string>();
  const addresses = new Set<string>();
  const users = (c: ResourceChange) => [c.before, c.after].map((b) => attr(b, "source", "postgres", "credentials", "username")).filter((u): u is string => typeof u === "string");
  for (const c of all) {
    if (c.type === "clickhouse_clickpipe") {
      for (const u of users(c)) {
        const m = ROLE_REF.exec(u);
        if (m) addresses.add(key(c.stack, m[1]!));
        else if (!u.includes("${")) names.add(key(c.stack, u));
      }
    } else if (c.type === "postgresql_role" && identify(c.type, c.address, [c.constructPath, c.baseConstructPath]).construct?.key === "user.role") {
      addresses.add(key(c.stack, c.address));
    }
  }
  // The names of the roles found by address, and the addresses of the roles found by name.
  for (const c of all) {
    if (c.type !== "postgresql_role") continue;
    const ns = [attr(c.before, "name"), attr(c.after, "name")].filter((n): n is string => typeof n === "string" && !n.includes("${"));
    if (addresses.has(key(c.stack, c.address))) for (const n of ns) names.add(key(c.stack, n));
    else if (ns.some((n) => names.has(key(c.stack, n)))) addresses.add(key(c.stack, c.address));
  }
  return { names, addresses };
}

/** Whether a role change is the ClickPipes role (by name or address). */
export function isClickPipesRole(c: ResourceChange, id: ClickPipesIdentity): boolean {
  return c.type === "postgresql_role" && id.addresses.has(key(c.stack, c.address));
}

/** Whether a `role` value (a literal or `${postgresql_role.x.name}`) names the ClickPipes role of `stack`. */
export function namesClickPipesRole(role: unknown, stack: string | undefined, id: ClickPipesIdentity): boolean {
  if (typeof role !== "string") return false;
  const m = ROLE_REF.exec(role);
  return m ? id.addresses.has(key(stack, m[1]!)) : id.names.has(key(stack, role));
}
