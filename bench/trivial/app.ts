/**
 * The trivial yardstick of `npm run bench`: the smallest cdktf app that still synthesizes `n`
 * stacks, each with a local backend, one sensitive variable and one output; no provider, so its
 * import is cdktf alone. Its time on the machine at hand is what the synth rows are divided by
 * ("x trivial"): Node, tsx, cdktf's import and its per-stack synth, measured in the same run.
 *
 * Self-contained on purpose: nothing from `src/` or `stacks/`. Not part of the library.
 */
import { App, LocalBackend, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";

/** An app of `n` trivial stacks (`triv-0001`, ...) writing to `outdir`. */
export function buildTrivialApp(n: number, outdir: string): App {
  const app = new App({ outdir });
  for (let i = 1; i <= n; i++) {
    const id = `triv-${String(i).padStart(4, "0")}`;
    const stack = new TerraformStack(app, id);
    new LocalBackend(stack, { path: `../../../state/${id}.tfstate` });
    const password = new TerraformVariable(stack, "password", { type: "string", sensitive: true });
    new TerraformOutput(stack, "password_length", { value: `\${length(${password.stringValue})}` });
  }
  return app;
}
