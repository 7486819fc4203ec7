/** The WARN verdicts for tables joining or leaving a publication or a pipe (shared by both families). */
import { agree, count } from "../../util/words";
import type { ResourceChange } from "../change";
import { JudgeContext, list, setMinus } from "./rule";

export function tableWarnings(
  c: ResourceChange,
  read: (b: Record<string, unknown> | undefined) => string[] | undefined,
  prefix: "publication-tables" | "pipe-tables",
  where: string,
  ctx: JudgeContext,
): void {
  const before = read(c.before);
  const after = read(c.after);
  if (!before || !after) return;
  const removed = setMinus(before, after);
  const added = setMinus(after, before);
  if (removed.length)
    ctx.push(`${prefix}-removed`, `${count(removed.length, "table")} ${agree(removed.length, "leaves", "leave")} ${where} (${list(removed)}): ${ctx.why(`${prefix}-removed`)}`, removed);
  if (added.length) ctx.push(`${prefix}-added`, `${count(added.length, "table")} ${agree(added.length, "joins", "join")} ${where} (${list(added)}): ${ctx.why(`${prefix}-added`)}`, added);
}
