/** Apply order of a stack's resources: dependencies (depends_on and references) first, ties by address. */
import { StackNode, StackReadError } from "../../synth-output/stack-json";

/** Addresses this node depends on: depends_on plus every `${type.name...}` reference in its config. */
export function dependencies(node: StackNode, known: ReadonlyMap<string, StackNode>): string[] {
  const deps = new Set<string>();
  const dependsOn = node.config.depends_on;
  if (Array.isArray(dependsOn)) for (const d of dependsOn) if (typeof d === "string") deps.add(d.replace(/^\$\{(.*)\}$/, "$1"));
  const visit = (v: unknown) => {
    if (typeof v === "string") {
      for (const m of v.matchAll(/(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)/g)) {
        const addr = `${m[1] ?? ""}${m[2]}.${m[3]}`;
        if (known.has(addr) && addr !== node.address) deps.add(addr);
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) if (k !== "//" && k !== "depends_on") visit(x);
  };
  visit(node.config);
  return [...deps].filter((d) => known.has(d)).sort();
}

/** Topological order (Kahn), ties broken by address. Throws on a cycle. */
export function dependencyOrder(nodes: readonly StackNode[]): StackNode[] {
  const known = new Map(nodes.map((n) => [n.address, n]));
  const deps = new Map(nodes.map((n) => [n.address, new Set(dependencies(n, known))]));
  const done = new Set<string>();
  const order: StackNode[] = [];
  while (order.length < nodes.length) {
    const ready = nodes
      .filter((n) => !done.has(n.address) && [...deps.get(n.address)!].every((d) => done.has(d)))
      .map((n) => n.address)
      .sort();
    if (ready.length === 0) {
      const left = nodes
        .filter((n) => !done.has(n.address))
        .map((n) => n.address)
        .sort();
      throw new StackReadError(`dependency cycle among: ${left.join(", ")}`, { kind: "cycle", location: "" });
    }
    const next = known.get(ready[0])!;
    done.add(next.address);
    order.push(next);
  }
  return order;
}
