/**
 * Fleets for `npm run bench`: N copies of the examples of `stacks/config.ts` under other names
 * (`orders-db` for generic sources, `billing-aurora` without its pipe for Aurora), named
 * `src-0001`, `aur-0001`, ...
 */
import { config } from "../stacks/config";
import { AppConfig, AuroraSourceConfig, GenericSourceConfig, SourceConfig, SourceKind } from "../src/model/app-config";
import { BackendType } from "../src/model/backend";

/** Which example a fleet copies. */
export type FleetKind = "generic" | "aurora";

const pad = (i: number) => String(i).padStart(4, "0");

function example<T extends SourceConfig>(kind: SourceKind): T {
  const found = config.sources.find((s) => s.kind === kind);
  if (!found) throw new Error(`stacks/config.ts has no ${kind} example source`);
  return found as T;
}

/** Source `i` (1-based) of a generic fleet: the generic example under another name and host. */
export function genericSource(i: number): GenericSourceConfig {
  const name = `src-${pad(i)}`;
  return { ...example<GenericSourceConfig>(SourceKind.GENERIC), name, host: `${name}.internal.example.com` };
}

/** Source `i` (1-based) of an Aurora fleet: the Aurora example (without its pipe) under another name and host. */
export function auroraSource(i: number): AuroraSourceConfig {
  const name = `aur-${pad(i)}`;
  const { clickpipe: _pipe, ...aurora } = example<AuroraSourceConfig>(SourceKind.AURORA);
  return { ...aurora, name, host: `${name}.cluster-c1a2b3c4d5e6.eu-central-1.rds.amazonaws.com` };
}

/** An app config with `n` sources of one kind and local state, like `stacks/config.ts`. */
export function fleet(kind: FleetKind, n: number): AppConfig {
  const make = kind === "generic" ? genericSource : auroraSource;
  return { backend: { type: BackendType.LOCAL }, sources: Array.from({ length: n }, (_, k) => make(k + 1)) };
}
