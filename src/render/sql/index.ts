/**
 * SQL preview of a synthesized stack: the statements cyrilgdn/postgresql 1.26.0 runs for its
 * `postgresql_*` resources, in apply (dependency) order, as one psql script.
 *
 * - Reads the synthesized Terraform JSON (`cdk.tf.json`, through the shared reader
 *   `../stack-json`), never the construct tree.
 * - `${var.X}` becomes the psql variable `:'X'`; values are never read from the environment.
 * - Re-runnable: each resource is rendered as its create AND its update path behind an existence
 *   check (roles, publications), or as the provider's own REVOKE + GRANT in one transaction
 *   (grants, default privileges, role memberships), so a second run succeeds and changes nothing.
 * - Resource types and data sources it does not know are listed as "not rendered" (in the SQL, as
 *   comments, and in the result), never dropped silently.
 *
 * The folder:
 * - `values.ts`     the expression evaluator (literals, `${var.X}`, references; `Unrenderable`);
 * - `order.ts`      the apply order (depends_on and references, ties by address);
 * - `plpgsql.ts`    DO blocks, psql variables inside them, the provider's role locks, the password's
 *                   protection (quiet logging, errors raised again without the statement);
 * - `provider-set.ts` the order in which the provider lists a Terraform set (privileges, objects, tables);
 * - `resources/`    one renderer per resource type, in the table `RESOURCE_RENDERERS`:
 *                   `renderResource(type, attributes, ctx?) -> statements` (each renderer is a plain
 *                   exported function of the attributes; `ctx` only resolves references to other
 *                   resources of the stack). The diff command reuses them to print a change's SQL;
 *   `resources/<type>.ts` says which provider function each statement mirrors (files under
 *   `postgresql/` of github.com/cyrilgdn/terraform-provider-postgresql at tag v1.26.0; the SQL is
 *   re-expressed, not copied; where the script deliberately differs, a comment says so);
 * - `assemble.ts`   `renderStackSql`: header, database guard, variables, the rendered blocks.
 * Quoting comes from `src/model/quoting` (the project's one quoting module).
 */
export { renderStackSql, RenderSqlOptions, RenderedSql } from "./assemble";
export { dependencies, dependencyOrder } from "./order";
export {
  isRenderedResourceType,
  RENDERED_DATA_SOURCES,
  RENDERED_RESOURCE_TYPES,
  RenderedResourceType,
  renderDefaultPrivileges,
  renderGrant,
  renderGrantRole,
  renderPublication,
  renderResource,
  renderRole,
  RESOURCE_RENDERERS,
  ResourceRenderer,
} from "./resources";
export { Attributes, RenderContext, renderContext, Unrenderable } from "./values";
export { providerSetOrder } from "./provider-set";
export { unquotedFieldProblems, UnquotedFieldProblem } from "./unquoted";
export { readStackJson, StackReadError, StackReadErrorKind } from "../../synth-output/stack-json";
export { quoteIdent, quoteLiteral } from "../../model/quoting";
