/**
 * One renderer per Terraform resource type, in a table keyed by type. Each renderer is a plain
 * function of the resource's attributes (as synthesized) to the psql statements the provider's
 * create/update path runs for them; references to other resources resolve through the context.
 */
import { Attributes, RenderContext, renderContext, Unrenderable } from "../values";
import { renderDefaultPrivileges } from "./default-privileges";
import { renderGrant } from "./grant";
import { renderGrantRole } from "./grant-role";
import { renderPublication } from "./publication";
import { renderRole } from "./role";

/** Renders one resource's attributes to psql statements. Throws `Unrenderable`. */
export type ResourceRenderer = (attributes: Attributes, ctx: RenderContext) => string[];

/** The renderers, keyed by the provider's resource type. */
export const RESOURCE_RENDERERS = {
  postgresql_role: renderRole,
  postgresql_grant: renderGrant,
  postgresql_default_privileges: renderDefaultPrivileges,
  postgresql_grant_role: renderGrantRole,
  postgresql_publication: renderPublication,
} as const satisfies Readonly<Record<string, ResourceRenderer>>;

/** A resource type with a renderer. */
export type RenderedResourceType = keyof typeof RESOURCE_RENDERERS;

/** The provider types this renderer knows. */
export const RENDERED_RESOURCE_TYPES = Object.keys(RESOURCE_RENDERERS) as readonly RenderedResourceType[];

/** Data sources rendered inline (as a runtime query) where a resource uses them. */
export const RENDERED_DATA_SOURCES = ["postgresql_tables"] as const;

/** Whether `type` has a renderer. */
export function isRenderedResourceType(type: string): type is RenderedResourceType {
  return Object.prototype.hasOwnProperty.call(RESOURCE_RENDERERS, type);
}

/**
 * The statements the provider runs for one resource: `(resource type, attributes) -> statements`.
 * `ctx` resolves references to other resources (default: none, so only literal attributes and
 * `${var.X}` passwords render). Throws `Unrenderable` for an unknown type or attributes it cannot render.
 */
export function renderResource(type: string, attributes: Attributes, ctx: RenderContext = renderContext()): string[] {
  if (!isRenderedResourceType(type)) throw new Unrenderable(`resource type ${type} is not rendered by this preview`);
  return RESOURCE_RENDERERS[type](attributes, ctx);
}

export { renderDefaultPrivileges, renderGrant, renderGrantRole, renderPublication, renderRole };
