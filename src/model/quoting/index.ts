/**
 * Quoting for every file format this project writes and another program parses. One module per
 * format; each is pure. SQL: `./sql`; postgresql.conf and ALTER SYSTEM: `./conf`; pg_hba.conf: `./pg-hba`; a POSIX shell word: `./shell`.
 */
export * from "./sql";
export * from "./conf";
export * from "./pg-hba";
export * from "./shell";
