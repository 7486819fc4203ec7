/** Terraform state backends a stack can use; `{stack}` in a template is replaced by the stack name. */

export enum BackendType {
  LOCAL = "local",
  S3 = "s3",
  CLOUD = "cloud",
}

/** State in a local file. */
export interface LocalBackendSpec {
  readonly type: BackendType.LOCAL | "local";
  /**
   * State path relative to the stack's folder (`cdktf.out/stacks/<stack>`). Never absolute, so the
   * JSON is the same on every machine.
   * @default "../../../state/{stack}.tfstate" (a `state/` folder at the project root)
   */
  readonly path?: string;
}

/** State in S3. */
export interface S3BackendSpec {
  readonly type: BackendType.S3 | "s3";
  readonly bucket: string;
  /**
   * Key template.
   * @default "clickpipes/{stack}.tfstate"
   */
  readonly key?: string;
  readonly region: string;
  /**
   * S3 native state locking (Terraform 1.10+).
   * @default true
   */
  readonly useLockfile?: boolean;
}

/** HCP Terraform / Terraform Cloud `cloud` block. */
export interface CloudBackendSpec {
  readonly type: BackendType.CLOUD | "cloud";
  readonly organization: string;
  /**
   * Workspace name template (one workspace per stack). Exclusive with `workspaceTags`.
   * @default "clickpipes-{stack}" when no tags are given
   */
  readonly workspaceName?: string;
  /**
   * Select workspaces by tags instead of a name.
   * @default - none (the workspace is chosen by `workspaceName`)
   */
  readonly workspaceTags?: string[];
  /**
   * HCP Terraform host name.
   * @default "app.terraform.io"
   */
  readonly hostname?: string;
}

export type BackendSpec = LocalBackendSpec | S3BackendSpec | CloudBackendSpec;

export const DEFAULT_LOCAL_STATE_PATH = "../../../state/{stack}.tfstate";
export const DEFAULT_S3_KEY = "clickpipes/{stack}.tfstate";
export const DEFAULT_CLOUD_WORKSPACE = "clickpipes-{stack}";

/** Replace `{stack}` in a template. */
export function expandTemplate(template: string, stack: string): string {
  return template.split("{stack}").join(stack);
}
