/**
 * Logical replication slots with the `pgoutput` plugin, read through the SQL interface
 * (`pg_logical_slot_peek_binary_changes`), as any role with the REPLICATION attribute (or
 * superuser) may on PostgreSQL 12-18. Decodes just enough of the pgoutput protocol (version 1:
 * Begin, Commit, Relation, Insert, Update, Delete, Truncate) to assert which changes arrived.
 */
import type { Client } from "pg";

export type ChangeOp = "INSERT" | "UPDATE" | "DELETE" | "TRUNCATE";

/** One row change as pgoutput sent it. */
export interface Change {
  readonly op: ChangeOp;
  readonly schema: string;
  readonly table: string;
  /** Text values of the new tuple (INSERT, UPDATE) or of the key/old tuple (DELETE); null = SQL NULL, undefined = unchanged TOAST. */
  readonly values: readonly (string | null | undefined)[];
}

/** Create a logical slot with pgoutput (`pg_create_logical_replication_slot`). */
export async function createPgoutputSlot(client: Client, slot: string, temporary = false): Promise<string> {
  const r = await client.query<{ lsn: string }>("SELECT lsn::text AS lsn FROM pg_create_logical_replication_slot($1, 'pgoutput', $2)", [slot, temporary]);
  return r.rows[0].lsn;
}

/** Drop a slot (ignores a missing one). */
export async function dropSlot(client: Client, slot: string): Promise<void> {
  await client.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [slot]);
}

/**
 * Read (without consuming) every change the slot holds for `publication`, decoded.
 * `consume: true` uses `pg_logical_slot_get_binary_changes` instead, which advances the slot.
 */
export async function readSlotChanges(client: Client, slot: string, publication: string, opts: { consume?: boolean } = {}): Promise<Change[]> {
  const fn = opts.consume ? "pg_logical_slot_get_binary_changes" : "pg_logical_slot_peek_binary_changes";
  const r = await client.query<{ data: Buffer }>(`SELECT data FROM ${fn}($1, NULL, NULL, 'proto_version', '1', 'publication_names', $2)`, [slot, publication]);
  return decodePgoutput(r.rows.map((row) => row.data));
}

/** Decode pgoutput v1 messages (one Buffer each) into row changes. */
export function decodePgoutput(messages: readonly Buffer[]): Change[] {
  const relations = new Map<number, { schema: string; table: string }>();
  const changes: Change[] = [];
  for (const buf of messages) {
    const r = new Reader(buf);
    const type = String.fromCharCode(r.byte());
    switch (type) {
      case "R": {
        const id = r.int32();
        const schema = r.cstring();
        const table = r.cstring();
        relations.set(id, { schema: schema === "" ? "pg_catalog" : schema, table });
        break; // columns follow; not needed
      }
      case "I": {
        const rel = relation(relations, r.int32());
        r.expect("N");
        changes.push({ op: "INSERT", ...rel, values: r.tuple() });
        break;
      }
      case "U": {
        const rel = relation(relations, r.int32());
        let kind = String.fromCharCode(r.byte());
        if (kind === "K" || kind === "O") {
          r.tuple();
          kind = String.fromCharCode(r.byte());
        }
        if (kind !== "N") throw new Error(`pgoutput: unexpected tuple kind ${kind} in UPDATE`);
        changes.push({ op: "UPDATE", ...rel, values: r.tuple() });
        break;
      }
      case "D": {
        const rel = relation(relations, r.int32());
        const kind = String.fromCharCode(r.byte());
        if (kind !== "K" && kind !== "O") throw new Error(`pgoutput: unexpected tuple kind ${kind} in DELETE`);
        changes.push({ op: "DELETE", ...rel, values: r.tuple() });
        break;
      }
      case "T": {
        const n = r.int32();
        r.byte(); // options
        for (let i = 0; i < n; i++) changes.push({ op: "TRUNCATE", ...relation(relations, r.int32()), values: [] });
        break;
      }
      default:
        break; // B(egin), C(ommit), O(rigin), Y(type), M(essage): not row changes
    }
  }
  return changes;
}

function relation(relations: Map<number, { schema: string; table: string }>, id: number): { schema: string; table: string } {
  const rel = relations.get(id);
  if (!rel) throw new Error(`pgoutput: change for relation ${id} before its Relation message`);
  return rel;
}

class Reader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}
  byte(): number {
    return this.buf.readUInt8(this.pos++);
  }
  int16(): number {
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  int32(): number {
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  cstring(): string {
    const end = this.buf.indexOf(0, this.pos);
    const s = this.buf.toString("utf8", this.pos, end);
    this.pos = end + 1;
    return s;
  }
  expect(kind: string): void {
    const got = String.fromCharCode(this.byte());
    if (got !== kind) throw new Error(`pgoutput: expected ${kind}, got ${got}`);
  }
  tuple(): (string | null | undefined)[] {
    const n = this.int16();
    const values: (string | null | undefined)[] = [];
    for (let i = 0; i < n; i++) {
      const kind = String.fromCharCode(this.byte());
      if (kind === "n") values.push(null);
      else if (kind === "u") values.push(undefined);
      else if (kind === "t" || kind === "b") {
        const len = this.int32();
        values.push(this.buf.toString(kind === "t" ? "utf8" : "hex", this.pos, this.pos + len));
        this.pos += len;
      } else throw new Error(`pgoutput: unknown column kind ${kind}`);
    }
    return values;
  }
}
