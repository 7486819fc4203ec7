/**
 * Quoting for every file format this project writes and another program parses. One module per
 * format; each is pure. SQL: `./sql`.
 */
export * from "./sql";
