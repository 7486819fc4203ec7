/**
 * `npm run check:synth [-- <committed dir>]`: exit 1 with the stale, missing and extra files when the
 * committed synth output (default cdktf.out) differs from a fresh synth of config.ts and the fleet
 * files; exit 0 when it is current. For teams that commit cdktf.out and apply it elsewhere.
 */
import { checkSynthMain } from "cdktf-clickpipes-postgres";
import { config, fleetFiles } from "./config";

checkSynthMain(config, fleetFiles);
