import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TaggedCloudWorkspaces, TerraformStack } from "./tf/tf";
import { BackendSpec, DEFAULT_CLOUD_WORKSPACE, DEFAULT_LOCAL_STATE_PATH, DEFAULT_S3_KEY, expandTemplate } from "./model/backend";

/**
 * Configure the stack's backend explicitly (cdktf's implicit local backend writes an absolute
 * path into the JSON). Construct ID of the backend: `backend`.
 */
export function applyBackend(stack: TerraformStack, stackName: string, spec: BackendSpec = { type: "local" }): void {
  switch (spec.type) {
    case "local":
      new LocalBackend(stack, { path: expandTemplate(spec.path ?? DEFAULT_LOCAL_STATE_PATH, stackName) });
      return;
    case "s3":
      new S3Backend(stack, {
        bucket: spec.bucket,
        key: expandTemplate(spec.key ?? DEFAULT_S3_KEY, stackName),
        region: spec.region,
        encrypt: true,
      });
      // cdktf 0.21 predates S3 native locking (Terraform 1.10+): set it as an override.
      stack.addOverride("terraform.backend.s3.use_lockfile", spec.useLockfile ?? true);
      return;
    case "cloud":
      new CloudBackend(stack, {
        organization: spec.organization,
        hostname: spec.hostname,
        workspaces: spec.workspaceTags ? new TaggedCloudWorkspaces(spec.workspaceTags) : new NamedCloudWorkspace(expandTemplate(spec.workspaceName ?? DEFAULT_CLOUD_WORKSPACE, stackName)),
      });
      return;
  }
}
