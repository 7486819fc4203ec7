import * as fs from "node:fs";
import * as path from "node:path";
import { Construct } from "constructs";
import { addCustomSynthesis, ISynthesisSession, TerraformStack } from "../tf/tf";
import { ResolvedSource } from "../model/defaults";
import { renderServerSetup, SERVER_SETUP_DIR } from "../render/server-setup";
import { HostProfile } from "../model/host-profiles";

export { SERVER_SETUP_DIR };

/**
 * Writes `server-setup/<source>/{postgresql.conf,pg_hba.conf,alter-system.sql}` beside the stack's
 * `cdk.tf.json` at synth time: the steps Terraform cannot do, for the DBA; and for day two
 * `clickpipes-alerts.rules.yml` (Prometheus alerting rules on `cdktf-clickpipes health --prometheus`)
 * and `health.json` (the thresholds, for `health --thresholds`).
 */
export class ServerSetupFiles extends Construct {
  constructor(scope: Construct, id: string, src: ResolvedSource, hostProfile: HostProfile = HostProfile.SELF_MANAGED) {
    super(scope, id);
    const stack = TerraformStack.of(this);
    const files = renderServerSetup(src, hostProfile);
    addCustomSynthesis(this, {
      onSynthesize(session: ISynthesisSession) {
        const dir = path.join(session.outdir, session.manifest.forStack(stack).workingDirectory, SERVER_SETUP_DIR, src.name);
        fs.mkdirSync(dir, { recursive: true });
        for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
      },
    });
  }
}
