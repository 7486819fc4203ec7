/**
 * What a Terraform provider does with a change of one attribute of a resource type, read from the
 * provider's Go source at the pinned version (pure data; `src/diff` reads it).
 *
 * Attribute paths are dotted, without list indices: `source.postgres.settings.publication_name`,
 * `resource_configuration_definition.arn_resource.arn`.
 */
export interface ResourceTypeFacts {
  /** Terraform resource type, e.g. `postgresql_grant`. */
  readonly type: string;
  /** Provider source address and pinned version, e.g. `cyrilgdn/postgresql 1.26.0`. */
  readonly provider: string;
  /** The Go file the facts come from (path in the provider's repository at the pinned tag). */
  readonly goFile: string;
  /**
   * The commit of `goFile` actually read, when it was not a checkout of the pinned tag (see the
   * provider's module comment).
   */
  readonly readAt?: string;
  /**
   * Attributes whose change forces a replacement (SDKv2 `ForceNew: true`; plugin framework
   * `RequiresReplace()` / `RequiresReplaceIfConfigured()`). A change at the path or below it counts.
   */
  readonly forceNew: readonly string[];
  /**
   * Nested objects replaced only when they appear or disappear (null <-> non-null), updated in
   * place otherwise (a custom plan modifier, e.g. the ClickPipe source type).
   */
  readonly replaceWhenAddedOrRemoved?: readonly string[];
  /**
   * Optional + Computed attributes: removing them from the configuration keeps the value in state,
   * so Terraform plans no change for the removal.
   */
  readonly optionalComputed?: readonly string[];
  /** `Sensitive: true` attributes (and everything below them): never printed. */
  readonly sensitive?: readonly string[];
  /**
   * `WriteOnly: true` attributes: never in plan or state, so a change of their value alone plans
   * nothing; the provider acts when the paired version attribute changes.
   */
  readonly writeOnly?: readonly { readonly path: string; readonly versionPath: string }[];
  /**
   * Applying a change of this resource restarts a database server (e.g. azurerm's Flexible Server
   * configuration): the provider feature that turns it off, its default, and when it happens.
   */
  readonly restartsServer?: { readonly feature: string; readonly providerDefault: boolean; readonly when: string };
}
