export * from "./types";
export { verifySource, DEFAULT_TIMEOUT_SECONDS } from "./verify";
export { formatReport } from "./format";
export { redactUrl, describeTarget } from "../pg/connection";
export { parseTableName, qualified as qualifiedTableName } from "./names";
export { readStack, StackExpectations } from "./stack";
export { VERIFY_CHECKS, KNOWN_BROKEN_RELEASES, MIN_SLOT_WAL_KEEP_SIZE_MB, CLICKPIPES_WAL_SENDER_TIMEOUT_MS } from "./checks";
export { readPipe, PipeExpectations, PipeTableSettings } from "./pipe";
export { Check, CheckOutcome, VerifyContext, ExpectedTable } from "./context";
