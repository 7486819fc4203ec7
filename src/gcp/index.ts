/**
 * `cdktf-clickpipes-postgres/gcp`: Cloud SQL for PostgreSQL and AlloyDB instances you declare
 * yourself, prepared for ClickPipes by an Aspect (flags and authorized networks merged into yours).
 * Needs no google provider package: it edits the instance by its Terraform type.
 *
 * @packageDocumentation
 */
export { ClickPipesGoogleInstance } from "./instance-aspect";
export type { ClickPipesGoogleInstanceProps } from "./instance-aspect";
