/** The table of verify checks, in the order they run and print. One check per file. */
import { Check } from "../context";
import { identifierDotsCheck } from "./identifier-dots";
import { maxReplicationSlotsCheck } from "./max-replication-slots";
import { maxSlotWalKeepSizeCheck } from "./max-slot-wal-keep-size";
import { maxWalSendersCheck } from "./max-wal-senders";
import { partitionRootCheck } from "./partition-root";
import { publicationCheck } from "./publication";
import { replicaIdentityCheck } from "./replica-identity";
import { replicationConnectionCheck } from "./replication-connection";
import { replicationRightCheck } from "./replication-right";
import { rowLevelSecurityCheck } from "./row-level-security";
import { serverVersionCheck } from "./server-version";
import { slotTestCheck } from "./slot-test";
import { standbyCheck } from "./standby";
import { tablesCheck } from "./tables";
import { toastIdentityCheck } from "./toast-identity";
import { userCheck } from "./user";
import { walLevelCheck } from "./wal-level";
import { walSenderTimeoutCheck } from "./wal-sender-timeout";
import { idleReplicationSlotTimeoutCheck } from "./idle-replication-slot-timeout";
import { replicationSlotCheck } from "./replication-slot";
import { failoverSlotsCheck } from "./failover-slots";
import { pipeColumnsCheck } from "./pipe-columns";
import { generatedColumnsCheck } from "./generated-columns";
import { generatedPrimaryKeyCheck } from "./generated-primary-key";
import { timescaleChunksCheck } from "./timescale-chunks";
import { publicationOwnerCheck } from "./publication-owner";

export { KNOWN_BROKEN_RELEASES } from "./server-version";
export { MIN_SLOT_WAL_KEEP_SIZE_MB } from "./max-slot-wal-keep-size";
export { CLICKPIPES_WAL_SENDER_TIMEOUT_MS } from "./wal-sender-timeout";

export const VERIFY_CHECKS: readonly Check[] = [
  serverVersionCheck,
  walLevelCheck,
  replicationRightCheck,
  replicationConnectionCheck,
  maxWalSendersCheck,
  maxReplicationSlotsCheck,
  maxSlotWalKeepSizeCheck,
  walSenderTimeoutCheck,
  idleReplicationSlotTimeoutCheck,
  standbyCheck,
  userCheck,
  tablesCheck,
  publicationCheck,
  replicaIdentityCheck,
  partitionRootCheck,
  toastIdentityCheck,
  identifierDotsCheck,
  rowLevelSecurityCheck,
  replicationSlotCheck,
  failoverSlotsCheck,
  pipeColumnsCheck,
  generatedColumnsCheck,
  generatedPrimaryKeyCheck,
  timescaleChunksCheck,
  publicationOwnerCheck,
  slotTestCheck,
];
