/** Synth warnings as cdktf annotations: `cdktf synth` prints each as a WARN line with its construct path. */
import { IConstruct } from "constructs";
import { Finding, formatFinding } from "../model/validation";
import { Annotations } from "./tf";

/** The metadata type of a cdktf warning annotation. */
const WARN = "@cdktf/warn";

/** Add one warning annotation per finding to `scope`. */
export function reportWarnings(scope: IConstruct, findings: readonly Finding[]): void {
  for (const f of findings) Annotations.of(scope).addWarning(formatFinding(f));
}

/** The warning annotations below `scope` (itself included), in construct order: what `cdktf synth` prints. */
export function warningsOf(scope: IConstruct): { readonly path: string; readonly message: string }[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === WARN).map((m) => ({ path: c.node.path, message: String(m.data) })));
}
