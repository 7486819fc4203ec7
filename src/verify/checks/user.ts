import { Check, fail, pass, skip } from "../context";
import { CheckId } from "../types";

/** With `--stack`: verify runs as the stack's ClickPipes role, so the other checks speak for it. */
export const userCheck: Check = {
  id: CheckId.USER,
  fallbackFix: "connect as the ClickPipes user",
  async run(ctx) {
    if (!ctx.expectedUser) return skip(`connected as ${ctx.user}; no stack given to compare with (--stack)`);
    if (ctx.user === ctx.expectedUser) return pass(`connected as ${ctx.user}, the stack's ClickPipes user`);
    return fail(
      `connected as ${ctx.user}, but the stack's ClickPipes user is ${ctx.expectedUser}: the other checks speak for the wrong role`,
      `connect as ${ctx.expectedUser} (--url postgres://${ctx.expectedUser}@host/db or PGUSER=${ctx.expectedUser})`,
    );
  },
};
