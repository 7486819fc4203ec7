/**
 * The PostgreSQL test harness: real servers (12-18) from npm, psql-compatible script runner,
 * pgoutput slot reader, catalog snapshot. See test/support/harness/README.md and docs/contributing.md "Tests".
 */
export * from "./server";
export * from "./psql";
export * from "./pgoutput";
export * from "./catalog";
